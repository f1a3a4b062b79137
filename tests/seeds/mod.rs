//! The vendors' own request and response examples, verbatim: HasMCP's "Update MCP
//! Server" page (seed 000) and GetMCP's "Update Server" page (seed 003).
// Each test binary that includes this module uses a different subset of it.
#![allow(dead_code)]

use serde_json::Value;

/// The id HasMCP's page uses for every object.
pub const HASMCP_ID: &str = "kSuB9Gf6aD4";

/// The server UUID in GetMCP's request URL.
pub const GETMCP_UUID: &str = "836995ae-1cff-41ec-823e-a4f07ccca3a0";

/// The key in GetMCP's `Authorization: Bearer gmcp_your_api_key`.
pub const GETMCP_KEY: &str = "gmcp_your_api_key";

/// HasMCP's request body (`--data`).
pub const HASMCP_UPDATE_REQUEST: &str = r#"{
      "server": {
        "name": "<string>",
        "instructions": "<string>",
        "version": 123,
        "providers": [
          {
            "id": "kSuB9Gf6aD4",
            "tools": [
              {
                "id": "kSuB9Gf6aD4"
              }
            ]
          }
        ],
        "resources": [
          {
            "id": "kSuB9Gf6aD4"
          }
        ],
        "prompts": [
          {
            "id": "kSuB9Gf6aD4"
          }
        ]
      }
    }"#;

/// [`HASMCP_UPDATE_REQUEST`] parsed.
pub fn hasmcp_update_request() -> Value {
    serde_json::from_str(HASMCP_UPDATE_REQUEST).expect("the seed is JSON")
}

/// HasMCP's 200 response.
pub const HASMCP_UPDATE_RESPONSE: &str = r#"{
      "server": {
        "id": "kSuB9Gf6aD4",
        "createdAt": "2023-11-07T05:31:56Z",
        "updatedAt": "2023-11-07T05:31:56Z",
        "name": "<string>",
        "description": "<string>",
        "requestHeadersProxyEnabled": true,
        "version": 123,
        "providers": [
          {
            "id": "kSuB9Gf6aD4",
            "createdAt": "2023-11-07T05:31:56Z",
            "updatedAt": "2023-11-07T05:31:56Z",
            "version": 123,
            "apiType": "REST",
            "visibilityType": "PUBLIC",
            "baseURL": "<string>",
            "documentURL": "<string>",
            "iconURL": "<string>",
            "secretPrefix": "<string>",
            "name": "<string>",
            "description": "<string>",
            "tools": [
              {
                "id": "kSuB9Gf6aD4",
                "providerID": "kSuB9Gf6aD4",
                "method": "GET",
                "path": "/users/{id}",
                "name": "makePayment",
                "title": "Make Payment",
                "description": "<string>",
                "pathArgsJSONSchema": {},
                "queryArgsJSONSchema": {},
                "reqBodyJSONSchema": {},
                "headers": [
                  {
                    "key": "<string>",
                    "value": "<string>"
                  }
                ],
                "oauth2Scopes": [
                  "<string>"
                ]
              }
            ],
            "oauth2Config": {
              "clientID": "<string>",
              "clientSecret": "<string>",
              "authURL": "<string>",
              "tokenURL": "<string>"
            }
          }
        ],
        "resources": [
          {
            "id": "kSuB9Gf6aD4",
            "createdAt": "2023-11-07T05:31:56Z",
            "updatedAt": "2023-11-07T05:31:56Z",
            "name": "<string>",
            "description": "<string>",
            "uri": "<string>",
            "mimeType": "text/plain",
            "size": 123,
            "annotations": {}
          }
        ],
        "prompts": [
          {
            "id": "kSuB9Gf6aD4",
            "createdAt": "2023-11-07T05:31:56Z",
            "updatedAt": "2023-11-07T05:31:56Z",
            "name": "<string>",
            "description": "<string>",
            "arguments": {},
            "messages": {}
          }
        ]
      }
    }"#;

/// [`HASMCP_UPDATE_RESPONSE`] parsed.
pub fn hasmcp_update_response() -> Value {
    serde_json::from_str(HASMCP_UPDATE_RESPONSE).expect("the seed is JSON")
}

/// [`hasmcp_update_response`] as the crate's model writes it back: the prompt's
/// `arguments: {}` and `messages: {}` (the vendor document's object form) read as none,
/// and none is written as no key.
pub fn hasmcp_update_response_written() -> Value {
    let mut written = hasmcp_update_response();
    for prompt in written["server"]["prompts"]
        .as_array_mut()
        .expect("prompts")
    {
        let prompt = prompt.as_object_mut().expect("a prompt");
        for key in ["arguments", "messages"] {
            assert_eq!(prompt.remove(key), Some(serde_json::json!({})), "{key}");
        }
    }
    written
}

/// GetMCP's request body (the cURL `--data`).
pub const GETMCP_UPDATE_REQUEST: &str = r#"{
      "name": "GitHub Tools v2",
      "description": "Updated tools for GitHub",
      "auth_type": "bearer",
      "test_auth_credentials": "{\"token\":\"your_bearer_token\"}",
      "rate_limit_per_min": 60
    }"#;

/// [`GETMCP_UPDATE_REQUEST`] parsed.
pub fn getmcp_update_request() -> Value {
    serde_json::from_str(GETMCP_UPDATE_REQUEST).expect("the seed is JSON")
}

/// GetMCP's "200 OK" response.
pub const GETMCP_UPDATE_RESPONSE: &str = r#"{
      "id": 3,
      "uuid": "9a3b7c8d-2e1f-4a5b-8c9d-0e1f2a3b4c5d",
      "user_id": 1,
      "name": "GitHub Tools v2",
      "slug": "github-tools",
      "server_id": "c3d4e5f6a1b2c3d4",
      "status": "active",
      "transport_type": "streamable-http",
      "auth_type": "bearer",
      "auth_config": null,
      "outbound_auth_type": "none",
      "outbound_auth_config": null,
      "cors_origins": null,
      "rate_limit_per_min": 60,
      "settings": {
        "description": "Updated tools for GitHub"
      },
      "endpoint_url": "https://yoursite.com/mcp/github-tools",
      "tool_count": 5,
      "prompt_count": 0,
      "resource_count": 0,
      "created_at": "2025-03-18T10:00:00Z",
      "updated_at": "2025-03-18T11:30:00Z"
    }"#;

/// [`GETMCP_UPDATE_RESPONSE`] parsed.
pub fn getmcp_update_response() -> Value {
    serde_json::from_str(GETMCP_UPDATE_RESPONSE).expect("the seed is JSON")
}

/// GetMCP's "500 Server Error" response.
pub const GETMCP_UPDATE_FAILED: &str = r#"{
      "code": "getmcp_update_failed",
      "message": "Failed to update server.",
      "data": { "status": 500 }
    }"#;

/// [`GETMCP_UPDATE_FAILED`] parsed.
pub fn getmcp_update_failed() -> Value {
    serde_json::from_str(GETMCP_UPDATE_FAILED).expect("the seed is JSON")
}
