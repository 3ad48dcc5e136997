import { Person } from '../modules/accounts/entities/person.entity';
import { ActionField } from '../modules/action-fields/entities/action-field.entity';
import { Affiliation } from '../modules/organisations/entities/affiliation.entity';
import { Organisation } from '../modules/organisations/entities/organisation.entity';

/** Every entity, listed explicitly so the webpack bundle contains them. */
export const ENTITIES = [ActionField, Organisation, Person, Affiliation];
