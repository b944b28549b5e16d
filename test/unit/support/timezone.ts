// Every unit test runs as an engineer in Denver (America/Denver: UTC-7, UTC-6 in summer), so
// "local day" and daylight-saving mistakes show up here rather than in someone's study log.
// Node applies a TZ assignment immediately.
process.env.TZ = 'America/Denver';
