// What a client says about its device (sign-in, 登录设备管理): printable text, bounded — no control
// characters, unpaired surrogates or invisible format characters (the fuzzer signed in with a
// model of a lone \ud800). A file of its own so the shared schemas take it without the session
// routes' schemas.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { DEVICE_TEXT_MAX } from '../domain/sessions.js';

export const DeviceText = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(new RegExp(`^[^\\p{Cc}\\p{Cf}\\p{Cs}]{1,${DEVICE_TEXT_MAX}}$`, 'u'))));
