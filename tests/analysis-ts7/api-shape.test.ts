import { repoRoot } from '../helpers/paths.js';
import { checkShape, loadTypeScript7, TESTED_TYPESCRIPT_7, TypeScript7ApiError } from '../../transformer/analysis-ts7/typescript-7-modules.js';

describe("TypeScript 7's unstable API behind transformer/analysis-ts7", () => {
  it(`loads the pinned TypeScript ${TESTED_TYPESCRIPT_7} and finds every member the analysis uses`, async () => {
    const loaded = await loadTypeScript7(repoRoot, 'typescript-7');
    expect(loaded.version).toBe(TESTED_TYPESCRIPT_7);
  });

  it('names the installed version and what is missing when the API has changed', async () => {
    const { sync, ast } = await loadTypeScript7(repoRoot, 'typescript-7');
    const { getLeadingCommentRanges: _removed, ...changedAst } = ast;
    const attempt = (): void => checkShape('7.9.0', { ...sync }, changedAst);
    expect(attempt).toThrow(TypeScript7ApiError);
    expect(attempt).toThrow(`actionwire cannot run its analysis on TypeScript 7.9.0: its unstable API has changed (missing typescript/unstable/ast: getLeadingCommentRanges). actionwire was tested with TypeScript ${TESTED_TYPESCRIPT_7}`);
  });
});
