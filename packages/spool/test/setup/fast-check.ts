/**
 * Property tests run with one fixed seed in the default suite, so a run fails or passes the same
 * way on every machine. `npm run property` runs them with fresh random seeds to look further;
 * fast-check prints the seed of any failure, and SPOOL_PROPERTY_SEED=<seed> replays it.
 */
import fc from 'fast-check';

const given = process.env.SPOOL_PROPERTY_SEED;
const random = process.env.SPOOL_PROPERTY_RANDOM === '1';
fc.configureGlobal(random && !given ? {} : { seed: given ? Number(given) : 20261201 });
