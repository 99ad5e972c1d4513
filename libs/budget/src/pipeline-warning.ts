/**
 * The early warning on a fund: money committed (reserved + spent) plus money in review (the
 * pipeline) reaching a share of the allocation, before anything is reserved.
 *
 * It is raised once per crossing: when the nomination entering review takes the fund from
 * below the threshold to at or above it. Further nominations while the fund stays above
 * raise nothing; once decisions against it, withdrawals or a larger allocation bring it back
 * below, the next nomination that crosses raises it again. No state is kept: the crossing is
 * read from the amounts before and after the nomination, under the fund's row lock.
 */
export interface PipelineExposure {
  allocated: bigint;
  /** Reserved + spent. */
  committed: bigint;
  /** Everything in review against the fund, the entering nomination's lines included. */
  pipeline: bigint;
  /** The entering nomination's lines on this fund. */
  added: bigint;
  /** The warning threshold, in percent of the allocation. */
  percent: number;
}

/** Whether `added` takes committed + pipeline across the threshold. Nothing allocated: no warning. */
export function crossesPipelineWarning(fund: PipelineExposure): boolean {
  if (fund.allocated <= 0n || fund.added <= 0n) return false;
  const limit = BigInt(fund.percent) * fund.allocated;
  const after = (fund.committed + fund.pipeline) * 100n;
  const before = (fund.committed + fund.pipeline - fund.added) * 100n;
  return before < limit && after >= limit;
}
