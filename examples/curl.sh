#!/bin/sh
# Vigil's GraphQL API with curl: who am I, my organizations and projects, then a tag
# created and deleted in the first project (docs/api.md).
#   VIGILCTL_URL=http://localhost:8080 VIGILCTL_API_KEY=vgl_… sh examples/curl.sh
set -eu
URL="${VIGILCTL_URL:-http://localhost:8080}"
KEY="${VIGILCTL_API_KEY:?set VIGILCTL_API_KEY to an API key (vgl_…)}"

# One GraphQL request: $1 is the JSON body. Fails on HTTP errors; GraphQL errors come back
# in the body with extensions.code (docs/api.md, "Errors").
gql() {
  curl -sS --fail-with-body "$URL/graphql" \
    -H 'content-type: application/json' \
    -H "authorization: Bearer $KEY" \
    -d "$1"
}

gql '{"query":"{ me { email } }"}'
echo
PROJECTS=$(gql '{"query":"{ organizations { nodes { name projects { id name } } } }"}')
echo "$PROJECTS"
PROJECT=$(printf '%s' "$PROJECTS" | sed -E 's/.*"projects":\[\{"id":"([^"]+)".*/\1/')

# Variables travel beside the query, never spliced into it.
TAG=$(gql "{\"query\":\"mutation(\$i: CreateTagInput!) { createTag(input: \$i) { id name } }\",\"variables\":{\"i\":{\"projectId\":\"$PROJECT\",\"name\":\"from-curl\"}}}")
echo "$TAG"
TAG_ID=$(printf '%s' "$TAG" | sed -E 's/.*"id":"([^"]+)".*/\1/')
gql "{\"query\":\"mutation(\$id: ID!) { deleteTag(id: \$id) }\",\"variables\":{\"id\":\"$TAG_ID\"}}"
echo
