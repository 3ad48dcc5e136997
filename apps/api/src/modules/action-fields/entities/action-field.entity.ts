import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('action_field')
export class ActionField {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) slug!: string;
  @Column({ type: 'text' }) nameDe!: string;
  @Column({ type: 'text' }) nameEn!: string;
  @Column({ type: 'text', default: '' }) descriptionDe!: string;
  @Column({ type: 'text', default: '' }) descriptionEn!: string;
  @Column({ type: 'text' }) color!: string;
  @Column({ type: 'text' }) icon!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'boolean', default: false }) archived!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
