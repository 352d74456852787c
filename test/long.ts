/**
 * The long cases — fuzzing, the soak, the resize storm, long lines and large articles, kills at
 * random moments, a large corpus's damaged snapshot, tmux and the package install — that
 * `npm run test:quick` (STEPPE_QUICK=1) leaves out, reported as skipped, for the edit-test
 * loop. `npm test`, which CI runs, runs them all.
 */
export const LONG: string | false = process.env.STEPPE_QUICK === '1' ? 'a long case: npm test runs it (npm run test:quick leaves it out)' : false;
