/** What `actionwire generate` was asked to do. */
export interface CliOptions {
  project: string;
  check: boolean;
  watch: boolean;
}
