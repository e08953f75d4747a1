/**
 * First-contact responsibility ("首问负责制", domain.md §1): whoever first received the ticket owns
 * following it up until the customer is satisfied, even after it is handed to others. That is
 * the agent named by the channel (`receivedBy`) when it says so, else the channel system itself.
 */
export function firstContactOwner(receivedBy: string | undefined, channelSystem: string): string {
  const agent = receivedBy?.trim();
  return agent !== undefined && agent !== '' ? agent : channelSystem;
}
