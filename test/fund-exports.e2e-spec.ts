import { bearer, startTestStack, TestStack } from '@app/testing';
import ExcelJS from 'exceljs';
import { NominationFixture, seedNominationFixture } from './support/nomination-fixture';

/**
 * Funds (with what is in review) and a fund's ledger as CSV / XLSX, in the finance scope of
 * the JSON lists; the participations export names the decision and the paying fund.
 */
describe('fund exports', () => {
  let stack: TestStack;
  let fx: NominationFixture;
  let fundId: string;
  let fundCode: string;
  let decidedReference: string;
  let decisionNumber: string;

  beforeAll(async () => {
    stack = await startTestStack();
    fx = await seedNominationFixture(stack);
    fundId = await fx.fund(1_000_000_000n);
    [{ code: fundCode }] = await fx.db.query('SELECT code FROM funds WHERE id = $1', [fundId]);
    const intake = await fx.intake('CNKT-XUAT-1');
    const [decided, inReview] = await fx.nominees(2);
    const id = await fx.atLastStep(decided, intake, fundId);
    const approved = await fx.act(id, 'approve', 3, 'memberA');
    expect(approved.status).toBe(201);
    [{ reference: decidedReference, decision_number: decisionNumber }] = await fx.db.query(
      'SELECT reference, decision_number FROM nominations WHERE id = $1',
      [id],
    );
    const draft = await fx.nominate(inReview, intake, fundId);
    expect((await fx.act(draft.body.id, 'submit', 1, 'unitHeadA')).status).toBe(201);
  });
  afterAll(() => stack.close());

  const raw = (path: string, who: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.http.baseUrl}${path}`, { headers: { ...bearer(fx.tokens[who]), ...headers } });
  const csv = async (response: Response) => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return bytes.subarray(3).toString('utf8').trim().split('\r\n');
  };

  it('should export funds with allocated, reserved, spent, in review and available', async () => {
    const lines = await csv(await raw('/api/v1/funds?format=csv', 'financeA'));
    expect(lines[0]).toBe(
      'Mã quỹ,Tên quỹ,Năm ngân sách,Đơn vị quản lý,Cấp,Nguồn,Khi hết kinh phí,Đang mở,' +
        'Dự toán (đồng),Đã giữ chỗ (đồng),Đã chi (đồng),Đang xét duyệt (đồng),Còn lại (đồng),' +
        'Đã cam kết và đang xét (%)',
    );
    const line = lines.find((candidate) => candidate.startsWith(`${fundCode},`))!;
    expect(line).toContain(',Kinh phí đào tạo quận Ninh Kiều,');
    expect(line).toContain(
      ',Quận Ninh Kiều,Quận/huyện,Ngân sách nhà nước,Chặn khi hết tiền,Có,' +
        '1000000000,40500000,0,40500000,959500000,8.1',
    );
  });

  it('should keep the finance scope: other districts neither list nor export the fund', async () => {
    const lines = await csv(await raw('/api/v1/funds?format=csv', 'unitHeadB'));
    expect(lines.some((line) => line.startsWith(`${fundCode},`))).toBe(false);
    const ledger = await raw(`/api/v1/funds/${fundId}/ledger?format=csv`, 'unitHeadB');
    expect(ledger.status).toBe(404);
    expect(((await ledger.json()) as { code: string }).code).toBe('FUND_NOT_FOUND');
  });

  it('should export the ledger with the nomination reference, nominee and intake', async () => {
    const lines = await csv(await raw(`/api/v1/funds/${fundId}/ledger?format=csv`, 'financeA'));
    expect(lines[0]).toBe(
      'Thời điểm,Loại,Số tiền (đồng),Số hồ sơ,Người được cử,Mã khóa học,Chương trình,' +
        'Người thực hiện,Ghi chú,Vượt kinh phí có phê duyệt',
    );
    expect(lines).toHaveLength(1 + 2);
    expect(lines[1]).toMatch(
      new RegExp(
        `^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},Giữ chỗ,40500000,${decidedReference},Nguyễn Thị Hạnh 1,CNKT-XUAT-1,Cập nhật kiến thức cho cán bộ lãnh đạo,.*,Không$`,
      ),
    );
    expect(lines[2]).toMatch(/,Cấp kinh phí,1000000000,,,,,,Dự toán,Không$/);
  });

  it('should export the ledger as a workbook by the Accept header', async () => {
    const response = await raw(`/api/v1/funds/${fundId}/ledger`, 'admin', {
      accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Sổ quỹ')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(3).value).toBe(40_500_000);
    expect(sheet.getRow(2).getCell(5).value).toBe('Nguyễn Thị Hạnh 1');
    expect(sheet.getRow(2).getCell(10).value).toBe('Không');
  });

  it('should keep JSON lists paged as before', async () => {
    const response = await stack.http.get(
      `/api/v1/funds/${fundId}/ledger?pageSize=1`,
      bearer(fx.tokens.financeA),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(response.body.items).toHaveLength(1);
  });

  it('should name the decision, the fund and its source in the participations export', async () => {
    const year = new Date(Date.now() + 60 * 86_400_000).getUTCFullYear();
    const lines = await csv(
      await raw(
        `/api/v1/reports/participations?from=${year - 1}-01-01&to=${year + 1}-12-31&format=csv`,
        'admin',
      ),
    );
    const line = lines.find((candidate) => candidate.startsWith(`${decidedReference},`))!;
    expect(decisionNumber).toBeTruthy();
    expect(line.endsWith(`,${decisionNumber},${fundCode},Quận Ninh Kiều,Ngân sách nhà nước`)).toBe(
      true,
    );
  });
});
