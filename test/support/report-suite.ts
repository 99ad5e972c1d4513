import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { bearer, seedOrganizationFixture } from './factories';
import type { HttpResponse } from './http-client';
import { startTestStack, TestStack } from './test-stack';

export type OrganizationFixture = Awaited<ReturnType<typeof seedOrganizationFixture>>;

export type TierKey = 'city' | 'district' | 'commune';
export const TIER_LEVEL: Record<TierKey, number> = { city: 1, district: 2, commune: 3 };

/** What the report suites share: the stack, the organization fixture and its users' tokens. */
export interface ReportSuite {
  stack: TestStack;
  org: OrganizationFixture;
  db: DataSource;
  /** Access tokens by the fixture's user names; a suite adds its own users. */
  tokens: Record<string, string>;
  /** A report as one of the users asks for it. */
  get(path: string, who: string, headers?: Record<string, string>): Promise<HttpResponse<any>>;
  /** Asks each path as an administrator and expects 400 with the field error named. */
  expectFieldErrors(cases: Array<[path: string, field: string, code: string]>): Promise<void>;
  /** The raw bytes of an export (fetch's text() would drop the byte-order mark). */
  download(
    path: string,
    who: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }>;
}

/** Boots the stack (with the worker when the suite needs jobs run) over the organization fixture. */
export async function startReportSuite(options: { worker: boolean }): Promise<ReportSuite> {
  const stack = await startTestStack({ worker: options.worker });
  const org = await seedOrganizationFixture(stack);
  const tokens: Record<string, string> = { ...org.tokens };
  return {
    stack,
    org,
    db: stack.api.get(DataSource),
    tokens,
    get: (path, who, headers = {}) => stack.http.get(path, { ...bearer(tokens[who]), ...headers }),
    expectFieldErrors: async (cases) => {
      for (const [path, field, code] of cases) {
        const response = await stack.http.get(path, bearer(tokens.admin));
        expect({ path, status: response.status, code: response.body.code }).toEqual({
          path,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(response.body.errors).toContainEqual(expect.objectContaining({ field, code }));
      }
    },
    download: async (path, who, headers = {}) => {
      const response = await fetch(stack.http.baseUrl + path, {
        headers: { ...bearer(tokens[who]), ...headers },
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    },
  };
}

/** An XLSX export, read. */
export async function workbook(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book;
}
