import { writeFileSync } from 'node:fs';

/** Loaded with `node --import`: writes the process's peak RSS (bytes) to $ACTIONWIRE_USAGE_FILE at exit. */
const file = process.env.ACTIONWIRE_USAGE_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 })));
