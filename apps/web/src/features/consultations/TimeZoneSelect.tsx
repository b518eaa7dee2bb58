import { useMemo, type Ref } from 'react';
import { knownTimeZones } from '../../lib/time-format';

interface TimeZoneSelectProps {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  onBlur?: () => void;
  /** The select, for a form library to focus when the zone is refused. */
  ref?: Ref<HTMLSelectElement>;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A native select over every IANA zone the browser knows: hundreds of options stay fast and
 * keyboard-searchable by typing, which a custom listbox would have to reimplement.
 */
export function TimeZoneSelect({ value, onChange, ...control }: TimeZoneSelectProps) {
  const zones = useMemo(() => {
    const all = knownTimeZones();
    return all.includes(value) ? all : [value, ...all];
  }, [value]);
  return (
    <select
      className="native-select"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...control}
    >
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </select>
  );
}
