/**
 * Loaded with `--import` into a server under `--cpu-prof`: exits normally on SIGUSR2, so Node
 * writes the profile (a death by signal would not).
 */
process.on('SIGUSR2', () => process.exit(0));
