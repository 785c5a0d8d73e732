// Inline SVG icons, one per interaction channel, so an agent can scan a timeline by shape.
// Drawn on a 24×24 grid with strokes only; colour comes from CSS (currentColor).

const PATHS: Record<string, string> = {
  email: 'M3.5 6h17v12h-17zM3.5 6.5l8.5 6.5 8.5-6.5',
  social:
    'M6 12a2.5 2.5 0 1 0 0 .01M18 6a2.5 2.5 0 1 0 0 .01M18 18a2.5 2.5 0 1 0 0 .01M8.2 10.9l7.6-3.8M8.2 13.1l7.6 3.8',
  phone:
    'M5 4h3.5l1.8 4.5-2.3 1.4a11 11 0 0 0 6.1 6.1l1.4-2.3L20 15.5V19a1.5 1.5 0 0 1-1.5 1.5A15.5 15.5 0 0 1 3.5 5.5 1.5 1.5 0 0 1 5 4z',
  chat: 'M4 5h16v11H9l-5 4zM8 9.5h8M8 12.5h5',
  web_form: 'M4 4h16v16H4zM7.5 8h9M7.5 12h9M7.5 16h4.5',
  in_store:
    'M4 9l1.5-5h13L20 9M4 9h16v2.2a2.7 2.7 0 0 1-5.3 0 2.7 2.7 0 0 1-5.4 0A2.7 2.7 0 0 1 4 11.2zM5 13v7h14v-7M10 20v-4.5h4V20',
  survey: 'M9 4h6v2.5H9zM7 5H5v15h14V5h-2M8 11l1.5 1.5L12 10M8 16l1.5 1.5L12 15M14 11.5h2.5M14 16.5h2.5',
  order: 'M3.5 7.5 12 3.5l8.5 4v9l-8.5 4-8.5-4zM3.5 7.5l8.5 4 8.5-4M12 11.5v9M7.8 5.5l8.4 4',
  product: 'M12.5 3.5H20v7.5l-9 9-7.5-7.5zM16 7.5a.5.5 0 1 0 0 .01',
  web: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 1 0 0-17M3.5 12h17M12 3.5c2.3 2.4 3.4 5.2 3.4 8.5s-1.1 6.1-3.4 8.5M12 3.5C9.7 5.9 8.6 8.7 8.6 12s1.1 6.1 3.4 8.5',
  app: 'M7.5 3h9a1.5 1.5 0 0 1 1.5 1.5v15a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 6 19.5v-15A1.5 1.5 0 0 1 7.5 3zM11 18h2',
  system:
    'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 1 0 0-7M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1',
};

/** Anything the server invents later still gets a neutral dot-in-circle rather than nothing. */
const GENERIC = 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 1 0 0-17M12 10.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 1 0 0-3';

export function ChannelIcon({ channel, label }: { channel: string; label: string }) {
  const known = channel in PATHS;
  return (
    <svg
      className={`channel-icon channel-${known ? channel : 'other'}`}
      data-channel={channel}
      viewBox="0 0 24 24"
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <path d={PATHS[channel] ?? GENERIC} />
    </svg>
  );
}
