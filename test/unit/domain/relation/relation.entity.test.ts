import { aRelation } from '../../../support/mothers/organisation.mother';
import { pathsOf } from '../shared/helpers';

describe('Relation', () => {
  it('starts active with its details parsed', () => {
    const relation = aRelation('agency-1', { contactEmail: 'Planning@Korenschoof.NL', contactPhone: '020-1234567' });
    expect(relation.active).toBe(true);
    expect(relation.contactEmail?.value).toBe('planning@korenschoof.nl');
    expect(relation.chamberOfCommerceNumber?.value).toBe('12345678');
    expect(relation.version).toBe(1);
  });

  it('treats blank optional fields as none', () => {
    const relation = aRelation('agency-1', { chamberOfCommerceNumber: ' ', contactEmail: '', contactPhone: null });
    expect(relation.chamberOfCommerceNumber).toBeNull();
    expect(relation.contactEmail).toBeNull();
    expect(relation.contactPhone).toBeNull();
  });

  it('reports every problem by path', () => {
    expect(pathsOf(() => aRelation('a', { name: '', chamberOfCommerceNumber: '123', contactEmail: 'nope', contactPhone: 'x' }))).toEqual([
      'name:REQUIRED',
      'chamberOfCommerceNumber:KVK_NUMBER_INVALID',
      'contactEmail:EMAIL_INVALID',
      'contactPhone:PHONE_INVALID',
    ]);
  });

  it('updates details and keeps them on failure', () => {
    const relation = aRelation('a');
    relation.updateDetails({ name: 'Korenschoof BV' });
    expect(relation.name).toBe('Korenschoof BV');
    expect(relation.chamberOfCommerceNumber?.value).toBe('12345678');
    relation.updateDetails({ chamberOfCommerceNumber: null, contactEmail: 'a@b.nl' });
    expect(relation.chamberOfCommerceNumber).toBeNull();
    expect(relation.contactEmail?.value).toBe('a@b.nl');
    expect(() => relation.updateDetails({ name: 'x'.repeat(201) })).toThrow();
    expect(relation.name).toBe('Korenschoof BV');
  });

  it('is deactivated and activated again', () => {
    const relation = aRelation('a');
    relation.deactivate();
    expect(relation.active).toBe(false);
    relation.activate();
    expect(relation.active).toBe(true);
  });
});
