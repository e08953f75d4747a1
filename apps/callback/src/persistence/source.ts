export const SOURCE = 'switchboard/callback';
