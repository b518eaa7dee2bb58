import { Flex, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { sessionTimes, viewerTimeZone } from '../../lib/time-format';

/** A session's start–end in the consultation's zone and, when its clock differs, the viewer's. */
export function SessionTimes({
  startsAt,
  endsAt,
  timeZone,
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const viewerZone = viewerTimeZone();
  const times = sessionTimes(startsAt, endsAt, timeZone, viewerZone, i18n.language);
  return (
    <Flex direction="column" gap="0">
      {times.map((time) => (
        <Text key={time.timeZone} size="2" color="gray" highContrast>
          {t(
            time.timeZone === viewerZone && times.length > 1 ? 'agenda.timeInYourZone' : 'agenda.timeInZone',
            {
              time: time.text,
              zone: time.timeZone,
            },
          )}
        </Text>
      ))}
    </Flex>
  );
}
