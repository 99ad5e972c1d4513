import type { components } from '../../api/schema';

/** The API's own types (generated from its OpenAPI document); money as digit strings. */
type Schemas = components['schemas'];
export type NominationDetail = Schemas['NominationDetailDto'];
export type NominationActed = Schemas['NominationActedDto'];
export type Step = Schemas['NominationStepDto'];
export type HistoryEntry = Schemas['NominationHistoryEntryDto'];
export type CostLine = Schemas['NominationCostLineViewDto'];
export type FundCheck = Schemas['FundCheckDto'];
export type CurrentStepSummary = Schemas['CurrentStepSummaryDto'];
export type NominationListItem = Schemas['NominationListItemDto'];
export type NominationPage = Schemas['NominationPageDto'];
export type NominationFund = Schemas['NominationFundDto'];
export type Delegation = Schemas['DelegationDto'];
export type ActionName = NominationDetail['allowedActions'][number];
