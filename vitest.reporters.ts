/**
 * Test reporters for every workspace: the console always, plus a JSON report under
 * $ASSENT_TEST_RESULTS when `npm test` asks for one, so it can print one total for all runners.
 */
export function testReporting(workspace: string) {
  const dir = process.env.ASSENT_TEST_RESULTS;
  if (!dir) return { reporters: ['default'] };
  return { reporters: ['default', 'json'], outputFile: { json: `${dir}/${workspace}.json` } };
}
