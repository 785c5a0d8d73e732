// Which channel adapters run, from the configuration: the recorded social feed always (replies go
// to its outbox file), email in and out when their servers are configured.
import type { Config } from '../shared/config.ts';
import type { ChannelAdapter } from './model.ts';
import { createRecordedSocialAdapter } from './social/recorded-outbox.ts';
import { createImapPoller, createSmtpListener, createSmtpSender, type EmailLogger } from './email/index.ts';

export function adaptersFromConfig(config: Config, logger: EmailLogger): ChannelAdapter[] {
  const ownAddresses = [config.supportAddress];
  const adapters: ChannelAdapter[] = [
    createRecordedSocialAdapter({
      network: 'x',
      outboxFile: config.socialOutboxFile,
      brandHandle: config.companyName.toLowerCase().replace(/\W+/g, ''),
    }),
  ];
  if (config.smtpUrl)
    adapters.push(
      createSmtpSender({ url: config.smtpUrl, from: { address: config.supportAddress, name: config.companyName } }),
    );
  if (config.smtpPort !== undefined) {
    adapters.push(
      createSmtpListener({
        port: config.smtpPort,
        host: config.host,
        maxBytes: config.mailMaxBytes,
        ownAddresses,
        logger,
      }),
    );
  }
  if (config.imapUrl)
    adapters.push(createImapPoller({ url: config.imapUrl, intervalMs: config.imapIntervalMs, ownAddresses, logger }));
  return adapters;
}
