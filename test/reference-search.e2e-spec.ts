import { toSearchName } from '@app/organization';
import { bearer, seedOrganizationFixture, startTestStack, TestStack } from '@app/testing';
import { DataSource } from 'typeorm';

type Org = Awaited<ReturnType<typeof seedOrganizationFixture>>;

/** Units and management authorities are found by name without diacritics or case, like staff. */
describe('unit and authority search', () => {
  let stack: TestStack;
  let org: Org;
  let db: DataSource;
  let hauGiang: string;

  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrganizationFixture(stack);
    db = stack.api.get(DataSource);
    hauGiang = await org.factory.unit({
      tierId: org.tiers.districtTier,
      parentId: org.units.city,
      name: 'Tỉnh ủy Hậu Giang',
      code: 'HG-01',
    });
    await org.factory.authority({ unitId: hauGiang, name: 'Ban Thường vụ Tỉnh ủy Hậu Giang' });
  });
  afterAll(() => stack.close());

  const units = (q: string) =>
    stack.http.get(`/api/v1/units?q=${encodeURIComponent(q)}`, bearer(org.tokens.admin));
  const authorities = (q: string) =>
    stack.http.get(`/api/v1/authorities?q=${encodeURIComponent(q)}`, bearer(org.tokens.admin));
  const names = (items: Array<{ name: string }>) => items.map((item) => item.name).sort();

  it.each(['hau giang', 'HẬU GIANG', 'Hau  Giang', 'hậu giang'])(
    'should find units by "%s"',
    async (q) => {
      const response = await units(q);
      expect(response.status).toBe(200);
      expect(names(response.body.items)).toEqual(['Tỉnh ủy Hậu Giang']);
    },
  );

  it('should find units by code, and treat % and _ literally', async () => {
    expect(names((await units('hg-0')).body.items)).toEqual(['Tỉnh ủy Hậu Giang']);
    expect((await units('%')).body.total).toBe(0);
    expect((await units('_')).body.total).toBe(0);
  });

  it('should find "đ" by "d": Phong Điền by "phong dien"', async () => {
    expect(names((await units('phong dien')).body.items)).toEqual(['Huyện Phong Điền']);
  });

  it('should find management authorities the same way', async () => {
    const response = await authorities('tinh uy hau giang');
    expect(response.status).toBe(200);
    expect(names(response.body)).toEqual(['Ban Thường vụ Tỉnh ủy Hậu Giang']);
    expect((await authorities('')).body.length).toBeGreaterThanOrEqual(4);
  });

  it('should keep the search name right on rename, import and plain SQL', async () => {
    const renamed = await stack.http.request('PATCH', `/api/v1/units/${hauGiang}`, {
      body: { name: 'Thành ủy Vị Thanh' },
      headers: bearer(org.tokens.admin),
    });
    expect(renamed.status).toBe(200);
    expect((await units('hau giang')).body.total).toBe(0);
    expect(names((await units('vi thanh')).body.items)).toEqual(['Thành ủy Vị Thanh']);

    const form = new FormData();
    const [{ code: tierCode }] = await db.query('SELECT code FROM tiers WHERE id = $1', [
      org.tiers.communeTier,
    ]);
    const csv = `code,name,tier_code,kind,parent_code,active\nXA-DL,Xã Đông Lợi,${tierCode},peoples_committee,HG-01,có`;
    form.append('file', new Blob([new Uint8Array(Buffer.from(csv))]), 'units.csv');
    const imported = await fetch(`${stack.http.baseUrl}/api/v1/imports/units`, {
      method: 'POST',
      body: form,
      headers: bearer(org.tokens.admin),
    });
    expect(imported.status).toBe(200);
    expect(names((await units('dong loi')).body.items)).toEqual(['Xã Đông Lợi']);
  });

  it('should not widen what a caller may read: only signed-in callers list units', async () => {
    expect((await stack.http.get('/api/v1/units?q=hau')).status).toBe(401);
    expect((await stack.http.get('/api/v1/authorities?q=hau')).status).toBe(401);
  });

  it('should fold names in SQL exactly as toSearchName does', async () => {
    const samples = [
      'Nguyễn Văn A',
      '  ĐẶNG   Thị   Ngọc  ',
      'Phường Ô Môn',
      'Xã Trường Long Hòa',
      'Huyện Cù Lao Dung',
      'Ủy ban nhân dân',
      'Ấp Mỹ Ái',
      // NFD input: the marks are separate code points.
      'Hậu Giang'.normalize('NFD'),
    ];
    const [row] = await db.query(
      'SELECT array(SELECT search_name(x) FROM unnest($1::text[]) x) AS folded',
      [samples],
    );
    expect(row.folded).toEqual(samples.map(toSearchName));
  });
});
