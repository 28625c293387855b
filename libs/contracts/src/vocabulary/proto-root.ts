import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as protobuf from 'protobufjs';
import { PROTO_ROOT } from '../proto-files';

// The proto files as reflection (protobufjs), with their rule options and comments: the source every
// schema of the vocabulary is derived from at run time. Loaded once per process.
let root: protobuf.Root | undefined;

const VENDOR = join(PROTO_ROOT, 'vendor');
// protobufjs ships the well-known types (google/protobuf/descriptor.proto) beside its sources.
const PROTOBUFJS_DIR = join(require.resolve('protobufjs/package.json'), '..');

const protoFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return protoFilesUnder(path);
    return entry.name.endsWith('.proto') ? [relative(PROTO_ROOT, path)] : [];
  });

export const protoRoot = (): protobuf.Root => {
  if (root) return root;
  const loaded = new protobuf.Root();
  loaded.resolvePath = (_origin, target) => {
    if (target.startsWith('google/protobuf/')) return join(PROTOBUFJS_DIR, target);
    if (target.startsWith('buf/validate/')) return join(VENDOR, target);
    return join(PROTO_ROOT, target);
  };
  loaded.loadSync(protoFilesUnder(join(PROTO_ROOT, 'ofm')), { alternateCommentMode: true });
  loaded.resolveAll();
  root = loaded;
  return root;
};

export const messageType = (fullName: string): protobuf.Type => protoRoot().lookupType(fullName);
