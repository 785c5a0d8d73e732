// Identity → customer, remembered between ingest batches so the hot path rarely reads the identity index.
// Only what exists is cached (a miss reads through). Anything that moves or deletes identities (merge,
// undo, erasure) bumps an epoch row in the same transaction; every batch compares it first, so a
// change made by another process sharing the file (a CLI import) empties this cache.
import { type Db, whenRolledBack } from '../store/db.ts';
import type { Identity } from './identity.ts';
import * as store from './store.ts';

export interface CachedOwner {
  customer_id: string;
  profile_id: string;
}

const MAX_ENTRIES = 500_000;

export class IdentityCache {
  private readonly owners = new Map<string, CachedOwner>();
  private epoch = -1;

  get(identity: Identity): CachedOwner | undefined {
    return this.owners.get(`${identity.kind}\u0000${identity.value}`);
  }

  set(identity: Identity, owner: CachedOwner): void {
    if (this.owners.size >= MAX_ENTRIES) this.owners.clear();
    this.owners.set(`${identity.kind}\u0000${identity.value}`, owner);
  }

  delete(identity: Identity): void {
    this.owners.delete(`${identity.kind}\u0000${identity.value}`);
  }

  clear(): void {
    this.owners.clear();
    this.epoch = -1;
  }

  /** Our own transaction moved identities and bumped the epoch: apply the moves and stay warm. */
  applyOwnChanges(previousEpoch: number, epoch: number, changes: readonly IdentityChange[]): void {
    if (this.epoch !== previousEpoch) {
      this.clear();
      return;
    }
    for (const change of changes) {
      if (change.owner) this.set(change.identity, change.owner);
      else this.delete(change.identity);
    }
    this.epoch = epoch;
  }

  /** Empties the cache when another transaction moved identities since it was filled. */
  async sync(tx: Db): Promise<void> {
    const epoch = await store.readIdentityEpoch(tx);
    if (epoch !== this.epoch) {
      this.owners.clear();
      this.epoch = epoch;
    }
  }
}

const caches = new WeakMap<object, IdentityCache>();

export function identityCacheFor(db: Db): IdentityCache {
  let cache = caches.get(db.root);
  if (!cache) {
    const created = new IdentityCache();
    // A transaction that created or moved identities and then failed (a case opened after its message was
    // ingested, say) must not leave them remembered: the next batch would name a customer who does not exist.
    whenRolledBack(db, () => created.clear());
    caches.set(db.root, created);
    cache = created;
  }
  return cache;
}

export interface IdentityChange {
  identity: Identity;
  /** The new owner, or null when the identity was deleted. */
  owner: CachedOwner | null;
}

/** Call in the transaction that moves or deletes identities, with what it changed. */
export async function recordIdentityChanges(tx: Db, changes: readonly IdentityChange[]): Promise<void> {
  const epoch = await store.bumpIdentityEpoch(tx);
  identityCacheFor(tx).applyOwnChanges(epoch - 1, epoch, changes);
}
