import { hashPin } from './admin-pin';

/** `npm run --silent pin-hash -- 2468`: the value IT puts in the config's `admin.pinHash`. */
const pin = process.argv[2] ?? '';
hashPin(pin).then(
  (hash) => process.stdout.write(`${hash}\n`),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
