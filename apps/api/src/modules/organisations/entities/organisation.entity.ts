import type { ActorType, Sector } from '@allmende/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) actorType!: ActorType;
  /** Only for businesses. */
  @Column({ type: 'text', nullable: true }) sector!: Sector | null;
  /** Optional WZ 2008 code, e.g. `43.22`. */
  @Column({ type: 'text', nullable: true }) wzCode!: string | null;
  @Column({ type: 'text', nullable: true }) district!: string | null;
  @Column({ type: 'text', nullable: true }) website!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
