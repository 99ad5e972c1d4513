import { toSearchName } from '../search-name';
import { standardGaps } from '../standard-gap';
import { buildDemoOrganization } from './plan';
import { SeededRandom } from './random';
import { DISTRICTS } from './structure';

describe('SeededRandom', () => {
  it('should give the same sequence for the same seed', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new SeededRandom(8).next()).not.toEqual(first[0]);
  });

  it('should keep integers within their bounds', () => {
    const random = new SeededRandom(1);
    const values = Array.from({ length: 1000 }, () => random.int(3, 5));
    expect(new Set(values)).toEqual(new Set([3, 4, 5]));
  });
});

describe('buildDemoOrganization', () => {
  let counter = 0;
  const organization = buildDemoOrganization({ newId: () => `id-${++counter}` });

  it('should build the same names and levels on every run', () => {
    const strip = (org: typeof organization) =>
      org.staff.map((s) => [s.code, s.fullName, s.birthDate, s.educationLevel, s.politicalTheory]);
    expect(strip(buildDemoOrganization())).toEqual(strip(organization));
  });

  it('should have the city, its nine districts and four to six communes each', () => {
    const [city, district, commune] = organization.tiers;
    const count = (tierId: string) => organization.units.filter((u) => u.tierId === tierId).length;
    expect(count(city.id)).toBe(9);
    expect(organization.units.filter((u) => u.parentId === null)).toHaveLength(1);
    expect(count(district.id)).toBe(9 * 6);
    expect(count(commune.id)).toBe(DISTRICTS.reduce((n, d) => n + d.communes.length, 0));
    for (const d of DISTRICTS) expect(d.communes.length).toBeGreaterThanOrEqual(4);
    for (const d of DISTRICTS) expect(d.communes.length).toBeLessThanOrEqual(6);
  });

  it('should give every unit the path of its parent plus its own id', () => {
    const byId = new Map(organization.units.map((u) => [u.id, u]));
    for (const unit of organization.units) {
      const parentPath = unit.parentId ? byId.get(unit.parentId)!.path : '/';
      expect(unit.path).toBe(`${parentPath}${unit.id}/`);
    }
  });

  it('should have a realistic spread of about 2,000 staff', () => {
    const { staff, positions } = organization;
    expect(staff.length).toBeGreaterThan(1800);
    expect(staff.length).toBeLessThan(2200);
    const shareOf = (predicate: (s: (typeof staff)[number]) => boolean, of = staff) =>
      of.filter(predicate).length / of.length;
    expect(shareOf((s) => s.gender === 'female')).toBeGreaterThan(0.44);
    expect(shareOf((s) => s.gender === 'female')).toBeLessThan(0.52);
    expect(shareOf((s) => s.ethnicMinority)).toBeGreaterThan(0.03);
    expect(shareOf((s) => s.ethnicMinority)).toBeLessThan(0.07);
    for (const s of staff) {
      const age = 2026 - Number(s.birthDate.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(25);
      expect(age).toBeLessThanOrEqual(61);
      expect(s.searchName).toBe(toSearchName(s.fullName));
      expect(s.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    const byId = new Map(positions.map((p) => [p.id, p]));
    const held = staff.filter((s) => s.positionId);
    const compliant = shareOf((s) => standardGaps(s, byId.get(s.positionId!)!).length === 0, held);
    expect(compliant).toBeGreaterThan(0.9);
    expect(compliant).toBeLessThan(0.96);
    expect(new Set(staff.map((s) => s.code)).size).toBe(staff.length);
    expect(organization.planning.length).toBeGreaterThan(50);
  });

  it('should anchor the staff demo user on a commune civil servant of Phường An Hòa', () => {
    const member = organization.staff.find((s) => s.id === organization.anchors.staffMemberId)!;
    const unit = organization.units.find((u) => u.id === member.unitId)!;
    expect(unit.name).toBe('Phường An Hòa');
  });
});
