import type { Role } from '@allmende/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A natural person with an account. */
@Entity('person')
export class Person {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-case; unique. */
  @Column({ type: 'text', unique: true }) email!: string;
  @Column({ type: 'text', nullable: true, select: false }) passwordHash!: string | null;
  @Column({ type: 'text' }) displayName!: string;
  @Column({ type: 'text', array: true, default: () => "'{member}'" }) roles!: Role[];
  @Column({ type: 'timestamptz', nullable: true }) emailVerifiedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
