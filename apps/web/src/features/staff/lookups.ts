import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components, operations } from '../../api/schema';
import { useAuth } from '../../auth/AuthProvider';

type StaffFromApi = components['schemas']['StaffDto'];
/** A staff record with its nullable fields typed as the API sends them. */
export type Staff = Omit<
  StaffFromApi,
  | 'civilServiceRank'
  | 'educationField'
  | 'educationLevel'
  | 'fosteringRank'
  | 'joinedServiceOn'
  | 'languageLevel'
  | 'positionId'
> & {
  civilServiceRank: number | null;
  educationField: string | null;
  educationLevel: number | null;
  fosteringRank: number | null;
  joinedServiceOn: string | null;
  languageLevel: number | null;
  positionId: string | null;
};
export type StaffPage = { items: Staff[]; total: number; page: number; pageSize: number };
export type Unit = components['schemas']['UnitDto'];
export type Position = components['schemas']['PositionDto'];
export type Program = components['schemas']['ProgramDto'];
export type Intake = components['schemas']['IntakeDto'];
export type StandardGaps = components['schemas']['StandardGapsDto'];
export type GapReport = components['schemas']['GapReportDto'];
export type RecommendedIntake = components['schemas']['RecommendedIntakeDto'];
export type Verdict = components['schemas']['VerdictDto'];

const LONG = 10 * 60_000;

/** The unit a unit head works for (the root of what they see), if any. */
export function useScopeUnitId(): string | undefined {
  const { profile } = useAuth();
  return (
    profile?.roles.find((r) => r.role === 'unit_head' && r.unitId)?.unitId ??
    profile?.roles.find((r) => r.unitId)?.unitId ??
    undefined
  );
}

/** The units the caller works with (a unit head's subtree, else every unit), by id. */
export function useUnits() {
  const within = useScopeUnitId();
  return useQuery({
    queryKey: ['units', { within }],
    queryFn: () =>
      call(
        api.GET('/api/v1/units', {
          params: { query: { withinUnitId: within, pageSize: 500 } },
        }),
      ),
    staleTime: LONG,
    select: (page) => ({
      list: [...page.items].sort((a, b) => a.path.localeCompare(b.path)),
      byId: new Map(page.items.map((unit) => [unit.id, unit])),
    }),
  });
}

/** One unit, for a name outside the caller's usual subtree. */
export function useUnit(id: string | null | undefined) {
  return useQuery({
    queryKey: ['unit', id],
    queryFn: () => call(api.GET('/api/v1/units/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: LONG,
  });
}

export function usePositions() {
  return useQuery({
    queryKey: ['positions'],
    queryFn: () => call(api.GET('/api/v1/positions')),
    staleTime: LONG,
    select: (items) => new Map(items.map((position) => [position.id, position])),
  });
}

export function usePrograms() {
  return useQuery({
    queryKey: ['programs'],
    queryFn: () => call(api.GET('/api/v1/programs', { params: { query: { pageSize: 500 } } })),
    staleTime: LONG,
    select: (page) => new Map(page.items.map((program) => [program.id, program])),
  });
}

/** Every intake (a catalogue is small: a few per programme), by id. */
export function useIntakes() {
  return useQuery({
    queryKey: ['intakes', 'all'],
    queryFn: () => call(api.GET('/api/v1/intakes', { params: { query: { pageSize: 500 } } })),
    staleTime: LONG,
    select: (page) => ({
      list: page.items,
      byId: new Map(page.items.map((intake) => [intake.id, intake])),
    }),
  });
}

export function useStaffMember(id: string | undefined) {
  return useQuery({
    queryKey: ['staff', id],
    queryFn: () => fetchStaff(id!),
    enabled: !!id,
  });
}

export function useStandardGaps(id: string | undefined) {
  return useQuery({
    queryKey: ['staff', id, 'gaps'],
    queryFn: () =>
      call(api.GET('/api/v1/staff/{id}/standard-gaps', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useRecommendedIntakes(id: string | undefined) {
  return useQuery({
    queryKey: ['staff', id, 'recommended'],
    queryFn: () =>
      call(api.GET('/api/v1/staff/{id}/recommended-intakes', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export type StaffQuery = NonNullable<operations['StaffController_list']['parameters']['query']>;

/** GET /staff: the people the caller may see, searched (diacritics ignored) and paged. */
export async function searchStaff(query: StaffQuery): Promise<StaffPage> {
  return (await call(api.GET('/api/v1/staff', { params: { query } }))) as StaffPage;
}

export async function fetchStaff(id: string): Promise<Staff> {
  return (await call(api.GET('/api/v1/staff/{id}', { params: { path: { id } } }))) as Staff;
}
