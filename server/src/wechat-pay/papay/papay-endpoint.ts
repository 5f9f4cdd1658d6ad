import type { FakePapayServer } from '../fake/fake-papay.server.js';

/** Where the 委托代扣 (v2) client sends requests, and the in-process fake when that is what answers. */
export class PapayEndpoint {
  constructor(
    readonly baseUrl: string,
    readonly fake: FakePapayServer | null,
  ) {}
}
