import type { Channel } from '../../../../shared/catalog/catalogSchema.ts';
import { useT } from '../../i18n/useT.ts';

/** How a procedure can be done, in words and colour (never colour alone). */
export function ChannelBadge({ channel }: { channel: Channel }) {
  const { t } = useT();
  return <span className={`channel channel-${channel}`}>{t(`proc.channel.${channel}`)}</span>;
}
