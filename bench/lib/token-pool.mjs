// Embed tokens for a stream of new employees, minted ahead. autocannon builds each request
// synchronously, and signing is asynchronous, so tokens are minted in batches before they are
// needed and the pool is topped up in the background as it drains.
import { mintEmbedToken } from "../../packages/api/dist/auth/token-minter.js";

// Small sets of teams and departments, as in a real organisation (a team belongs to one).
const TEAMS = 16;
const TEAMS_PER_DEPARTMENT = 4;
const BATCH = 2000;

export class TokenPool {
  #key;
  #tokens = [];
  #next = 0;
  #refilling;

  /** `key` is the organisation's HS256 embed key ({ kid, secret }), as `org create` prints it. */
  constructor(key) {
    this.#key = key;
  }

  /** Mints the first batch; call before the load starts. */
  async fill() {
    await this.#mint(BATCH * 2);
  }

  /** How many employees have been handed a token. */
  get taken() {
    return this.#next;
  }

  /** The next employee's token; throws when the pool ran dry (the load outran minting). */
  take() {
    if (this.#tokens.length - this.#next < BATCH && !this.#refilling) {
      this.#refilling = this.#mint(BATCH).finally(() => (this.#refilling = undefined));
    }
    const token = this.#tokens[this.#next];
    if (token === undefined) throw new Error("the token pool ran dry");
    this.#tokens[this.#next++] = undefined;
    return token;
  }

  async #mint(count) {
    const first = this.#tokens.length;
    const minted = await Promise.all(
      Array.from({ length: count }, (_, index) => {
        const n = first + index;
        const team = n % TEAMS;
        return mintEmbedToken(
          this.#key,
          {
            sub: `bench-${n}`,
            team: `team-${team}`,
            department: `department-${Math.floor(team / TEAMS_PER_DEPARTMENT)}`,
            role: "employee",
          },
          // An embed token's usual lifetime; the whole run fits in it.
          15 * 60,
        );
      }),
    );
    this.#tokens.push(...minted);
  }
}
