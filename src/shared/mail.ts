// A mail that belongs to no case (a survey invitation, a digest): who it goes to and what it says. The email adapter
// sends it; the capabilities that write such mail name only this shape.

export interface PlainMail {
  to: { address: string; name: string | null };
  subject: string;
  text: string;
}

/** Something that sends plain mail (the SMTP adapter, seen from a capability). */
export interface Mailer {
  sendMail(mail: PlainMail): Promise<{ externalId: string }>;
}
