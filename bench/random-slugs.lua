-- wrk: every request asks for a campaign that does not exist (a new slug each time), as a scraper or an attacker would
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/campaigns/no-such-" .. math.random(1, 2000000000) .. "-" .. math.random(1, 2000000000))
end
