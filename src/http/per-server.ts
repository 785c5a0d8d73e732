// State a route keeps in memory for the server it runs in (rate-limit counts), keyed by that server's database,
// so two servers in one process (tests, a second app in the same host) never share or reset each other's counts.
export function perServer<T>(create: () => T): (db: { root: object }) => T {
  const states = new WeakMap<object, T>();
  return (db) => {
    let state = states.get(db.root);
    if (state === undefined) {
      state = create();
      states.set(db.root, state);
    }
    return state;
  };
}
