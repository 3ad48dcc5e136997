import { SnakeNamingStrategy } from './naming-strategy';

describe('SnakeNamingStrategy', () => {
  const s = new SnakeNamingStrategy();
  it('names tables and columns in snake_case', () => {
    expect(s.tableName('ActionField', undefined)).toBe('action_field');
    expect(s.tableName('X', 'custom_table')).toBe('custom_table');
    expect(s.columnName('descriptionDe', undefined, [])).toBe('description_de');
    expect(s.joinColumnName('organisation', 'id')).toBe('organisation_id');
  });
});
