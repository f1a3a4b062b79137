//! Canned servers and update inputs, shaped like what the platforms send.

use serde_json::{json, Value};

/// The GetMCP server every GetMCP request is answered with: the vendor's 200 example.
pub const GETMCP_SERVER: &str = r#"{"id":3,"uuid":"9a3b7c8d-2e1f-4a5b-8c9d-0e1f2a3b4c5d","user_id":1,"name":"GitHub Tools v2","slug":"github-tools","server_id":"c3d4e5f6a1b2c3d4","status":"active","transport_type":"streamable-http","auth_type":"bearer","auth_config":null,"outbound_auth_type":"none","outbound_auth_config":null,"cors_origins":"https://a.example,https://b.example","rate_limit_per_min":60,"settings":{"description":"Updated tools for GitHub"},"endpoint_url":"https://yoursite.com/mcp/github-tools","tool_count":5,"prompt_count":0,"resource_count":0,"created_at":"2025-03-18T10:00:00Z","updated_at":"2025-03-18T11:30:00Z"}"#;

/// The GetMCP server the benchmarks update.
pub const GETMCP_UUID: &str = "9a3b7c8d-2e1f-4a5b-8c9d-0e1f2a3b4c5d";

/// The HasMCP server the benchmarks update.
pub const HASMCP_ID: &str = "kSuB9Gf6aD4";

/// The id of the one provider of every generated HasMCP server.
pub const PROVIDER_ID: &str = "prov0000001";

/// `pages` pages of `per_page` GetMCP servers each, as the JSON arrays a list answers
/// with: the vendor's example, numbered `1..=pages * per_page`.
pub fn getmcp_pages(pages: usize, per_page: usize) -> Vec<Vec<u8>> {
    let example: Value = serde_json::from_str(GETMCP_SERVER).expect("the example is JSON");
    (0..pages)
        .map(|p| {
            let servers: Vec<Value> = (1..=per_page)
                .map(|i| {
                    let n = p * per_page + i;
                    let mut server = example.clone();
                    server["id"] = n.into();
                    server["uuid"] = format!("9a3b7c8d-2e1f-4a5b-8c9d-{n:012}").into();
                    server["name"] = format!("GitHub Tools {n}").into();
                    server["slug"] = format!("github-tools-{n}").into();
                    server["endpoint_url"] =
                        format!("https://yoursite.com/mcp/github-tools-{n}").into();
                    server
                })
                .collect();
            to_bytes(&Value::Array(servers))
        })
        .collect()
}

/// The id of tool `i`: 11 characters `[A-Za-z0-9]`, like every HasMCP id.
pub fn tool_id(i: usize) -> String {
    format!("tool{i:07}")
}

/// A HasMCP server in the hosted service's full form, `{"server": …}`: one provider
/// with `tools` tools, each with path, query and body JSON schemas (about 1 KB a tool).
pub fn hasmcp_envelope(tools: usize, version: i64) -> Value {
    let tools: Vec<Value> = (0..tools).map(tool).collect();
    json!({
        "server": {
            "id": HASMCP_ID,
            "createdAt": "2025-03-18T10:00:00Z",
            "updatedAt": "2025-03-18T11:30:00Z",
            "name": "GitHubTools",
            "description": "Tools for the GitHub REST API: issues, pull requests and repositories.",
            "requestHeadersProxyEnabled": false,
            "dynamicToolDiscoveryEnabled": false,
            "version": version,
            "providers": [{
                "id": PROVIDER_ID,
                "createdAt": "2025-03-18T10:00:00Z",
                "updatedAt": "2025-03-18T11:30:00Z",
                "version": 7,
                "apiType": "REST",
                "visibilityType": "PUBLIC",
                "baseURL": "https://api.github.com",
                "documentURL": "https://docs.github.com/en/rest",
                "iconURL": "https://github.githubassets.com/favicons/favicon.png",
                "secretPrefix": "GITHUB",
                "name": "github",
                "description": "GitHub REST API",
                "tools": tools,
                "oauth2Config": {
                    "clientID": "Iv1.0123456789abcdef",
                    "clientSecret": "0123456789abcdef0123456789abcdef01234567",
                    "authURL": "https://github.com/login/oauth/authorize",
                    "tokenURL": "https://github.com/login/oauth/access_token"
                }
            }],
            "resources": [{
                "id": "res00000001",
                "createdAt": "2025-03-18T10:00:00Z",
                "updatedAt": "2025-03-18T11:30:00Z",
                "name": "readme",
                "description": "The repository README",
                "uri": "file:///README.md",
                "mimeType": "text/markdown",
                "size": 4096,
                "annotations": {"audience": ["assistant"]}
            }],
            "prompts": [{
                "id": "prm00000001",
                "createdAt": "2025-03-18T10:00:00Z",
                "updatedAt": "2025-03-18T11:30:00Z",
                "name": "triage",
                "description": "Triage new issues",
                "arguments": [{"name": "label", "required": false}],
                "messages": [{"role": "user", "content": {"type": "text", "text": "Triage the open issues."}}]
            }]
        }
    })
}

fn tool(i: usize) -> Value {
    json!({
        "id": tool_id(i),
        "providerID": PROVIDER_ID,
        "method": if i.is_multiple_of(2) { "GET" } else { "PATCH" },
        "path": "/repos/{owner}/{repo}/issues/{number}",
        "name": format!("updateIssue{i}"),
        "title": format!("Update issue variant {i}"),
        "description": format!("Updates an issue's title, body, state, labels and assignees (variant {i})."),
        "pathArgsJSONSchema": {
            "type": "object",
            "properties": {
                "owner": {"type": "string", "description": "The account owner of the repository."},
                "repo": {"type": "string", "description": "The name of the repository."},
                "number": {"type": "integer", "minimum": 1, "description": "The issue number."}
            },
            "required": ["owner", "repo", "number"]
        },
        "queryArgsJSONSchema": {
            "type": "object",
            "properties": {
                "dry_run": {"type": "boolean", "default": false},
                "per_page": {"type": "integer", "minimum": 1, "maximum": 100, "default": 30}
            }
        },
        "reqBodyJSONSchema": {
            "type": "object",
            "properties": {
                "title": {"type": "string", "maxLength": 256},
                "body": {"type": "string"},
                "state": {"type": "string", "enum": ["open", "closed"]},
                "labels": {"type": "array", "items": {"type": "string"}},
                "assignees": {"type": "array", "items": {"type": "string"}, "maxItems": 10}
            },
            "additionalProperties": false
        },
        "headers": [{"key": "X-GitHub-Api-Version", "value": "2022-11-28"}],
        "oauth2Scopes": ["repo", "read:org"]
    })
}

/// The JSON bytes of `value`.
pub fn to_bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("a Value serializes")
}
