/**
 * The HTTP API's contract for clients (the studio, scripts): the records the server answers with,
 * as types only. Import it as `spool/api`.
 */
export type { Project, ProjectSummary } from './store/types.js';
