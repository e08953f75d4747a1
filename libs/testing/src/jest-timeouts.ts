// `testTimeout` is a global Jest option that projects ignore; the tiers on real infrastructure set theirs here.
jest.setTimeout(Number(process.env.SWITCHBOARD_TEST_TIMEOUT_MS ?? '90000'));
