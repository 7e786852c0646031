#!/usr/bin/env bash
# Prints the deployed API's base URL, after checking that it answers.
source "$(dirname "$0")/common.sh"
url=$(api_url)
curl -sf "$url/api" >/dev/null || die "nothing answers at $url: start the system with 'npm run up'"
echo "$url"
