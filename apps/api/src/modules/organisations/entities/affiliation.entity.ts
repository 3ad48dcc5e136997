import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../../accounts/entities/person.entity';
import { Organisation } from './organisation.entity';

export type AffiliationRole = 'representative' | 'employee';

/** A person belongs to one or several organisations, each with a role. */
@Entity('affiliation')
export class Affiliation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ManyToOne(() => Person, { onDelete: 'CASCADE' }) person!: Person;
  @Column({ type: 'uuid' }) personId!: string;
  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' }) organisation!: Organisation;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text' }) role!: AffiliationRole;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
