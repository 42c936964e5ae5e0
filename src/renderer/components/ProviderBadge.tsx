/**
 * A recognisable mark per conferencing service, drawn here (no third-party logo files): the brand colour and
 * initial, always next to the service's written name so colour is never the only cue.
 */
const MARKS: Record<string, { color: string; initial: string }> = {
  teams: { color: '#5b5fc7', initial: 'T' },
  zoom: { color: '#0b5cff', initial: 'Z' },
  webex: { color: '#07a6c6', initial: 'W' },
  meet: { color: '#00897b', initial: 'M' },
  gotomeeting: { color: '#f68d2e', initial: 'G' },
  skype: { color: '#00aff0', initial: 'S' },
  jitsi: { color: '#1d76ba', initial: 'J' },
  whereby: { color: '#6d38ff', initial: 'W' },
  bluejeans: { color: '#3a6fd8', initial: 'B' },
  chime: { color: '#232f3e', initial: 'C' },
  ringcentral: { color: '#f80', initial: 'R' },
  slack: { color: '#4a154b', initial: 'S' },
};

export function ProviderBadge({ provider, name }: { provider: string; name: string }) {
  const mark = MARKS[provider] ?? { color: '#59606b', initial: name.slice(0, 1).toUpperCase() || '?' };
  return (
    <span className="provider" data-provider={provider}>
      <span className="provider__mark" aria-hidden="true" style={{ backgroundColor: mark.color }}>
        {mark.initial}
      </span>
      <span className="provider__name">{name}</span>
    </span>
  );
}
