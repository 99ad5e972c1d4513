import { crossesPipelineWarning, PipelineExposure } from './pipeline-warning';

const fund = (overrides: Partial<PipelineExposure>): PipelineExposure => ({
  allocated: 100_000_000n,
  committed: 0n,
  pipeline: 0n,
  added: 0n,
  percent: 90,
  ...overrides,
});

describe('the pipeline warning', () => {
  it('should warn when the entering nomination takes committed + pipeline to the threshold', () => {
    expect(
      crossesPipelineWarning(
        fund({ committed: 50_000_000n, pipeline: 40_000_000n, added: 40_000_000n }),
      ),
    ).toBe(true);
    expect(
      crossesPipelineWarning(
        fund({ committed: 50_000_000n, pipeline: 39_999_999n, added: 39_999_999n }),
      ),
    ).toBe(false);
  });

  it('should warn once per crossing: not again while the fund stays above', () => {
    expect(
      crossesPipelineWarning(
        fund({ committed: 50_000_000n, pipeline: 80_000_000n, added: 40_000_000n }),
      ),
    ).toBe(false);
    expect(crossesPipelineWarning(fund({ committed: 95_000_000n, pipeline: 1n, added: 1n }))).toBe(
      false,
    );
  });

  it('should warn on a jump from far below to far beyond the allocation', () => {
    expect(crossesPipelineWarning(fund({ pipeline: 500_000_000n, added: 500_000_000n }))).toBe(
      true,
    );
  });

  it('should not warn for a fund with nothing allocated, or for nothing added', () => {
    expect(crossesPipelineWarning(fund({ allocated: 0n, pipeline: 1n, added: 1n }))).toBe(false);
    expect(crossesPipelineWarning(fund({ committed: 95_000_000n }))).toBe(false);
  });

  it('should count in whole VND beyond 2^53 without rounding', () => {
    const allocated = 10n ** 20n;
    const limit = (allocated * 90n) / 100n;
    expect(crossesPipelineWarning(fund({ allocated, pipeline: limit, added: 1n }))).toBe(true);
    expect(crossesPipelineWarning(fund({ allocated, pipeline: limit - 1n, added: 1n }))).toBe(
      false,
    );
  });
});
