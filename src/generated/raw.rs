// Generated from openapi.yaml by codegen/generate.rs: do not edit.
// Regenerate with `MCP_ADMIN_REGENERATE=1 cargo test --test codegen`.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///The server delete's answer, `{"deleted": true}` [doc, code].
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct GetmcpDeleted {
        pub deleted: bool,
    }
    ///A JSON object; [inferred] an empty one may come as `[]` (PHP renders an empty map so, as observed for server settings [run]).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum GetmcpPhpObject {
        Object(::serde_json::Map<::std::string::String, ::serde_json::Value>),
        Array(::std::vec::Vec<::serde_json::Value>),
    }
    impl ::std::convert::From<
        ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    > for GetmcpPhpObject {
        fn from(
            value: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ) -> Self {
            Self::Object(value)
        }
    }
    impl ::std::convert::From<::std::vec::Vec<::serde_json::Value>> for GetmcpPhpObject {
        fn from(value: ::std::vec::Vec<::serde_json::Value>) -> Self {
            Self::Array(value)
        }
    }
    ///The numeric id of a prompt [doc]. Prompts carry no UUID in any documented shape.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(transparent)]
    pub struct GetmcpPromptId(pub u64);
    impl ::std::ops::Deref for GetmcpPromptId {
        type Target = u64;
        fn deref(&self) -> &u64 {
            &self.0
        }
    }
    impl ::std::convert::From<GetmcpPromptId> for u64 {
        fn from(value: GetmcpPromptId) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<u64> for GetmcpPromptId {
        fn from(value: u64) -> Self {
            Self(value)
        }
    }
    impl ::std::fmt::Display for GetmcpPromptId {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            self.0.fmt(f)
        }
    }
    impl ::std::str::FromStr for GetmcpPromptId {
        type Err = <u64 as ::std::str::FromStr>::Err;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self(value.parse()?))
        }
    }
    impl ::std::convert::TryFrom<&str> for GetmcpPromptId {
        type Error = <u64 as ::std::str::FromStr>::Err;
        fn try_from(value: &str) -> ::std::result::Result<Self, Self::Error> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<String> for GetmcpPromptId {
        type Error = <u64 as ::std::str::FromStr>::Err;
        fn try_from(value: String) -> ::std::result::Result<Self, Self::Error> {
            value.parse()
        }
    }
    ///The numeric id of a resource [doc]. Resources carry no UUID in any documented shape, so unlike servers and tools they have no UUID form.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(transparent)]
    pub struct GetmcpResourceId(pub u64);
    impl ::std::ops::Deref for GetmcpResourceId {
        type Target = u64;
        fn deref(&self) -> &u64 {
            &self.0
        }
    }
    impl ::std::convert::From<GetmcpResourceId> for u64 {
        fn from(value: GetmcpResourceId) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<u64> for GetmcpResourceId {
        fn from(value: u64) -> Self {
            Self(value)
        }
    }
    impl ::std::fmt::Display for GetmcpResourceId {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            self.0.fmt(f)
        }
    }
    impl ::std::str::FromStr for GetmcpResourceId {
        type Err = <u64 as ::std::str::FromStr>::Err;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self(value.parse()?))
        }
    }
    impl ::std::convert::TryFrom<&str> for GetmcpResourceId {
        type Error = <u64 as ::std::str::FromStr>::Err;
        fn try_from(value: &str) -> ::std::result::Result<Self, Self::Error> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<String> for GetmcpResourceId {
        type Error = <u64 as ::std::str::FromStr>::Err;
        fn try_from(value: String) -> ::std::result::Result<Self, Self::Error> {
            value.parse()
        }
    }
    ///[code] only `promptID` is read.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpAttachPrompt {
        #[serde(rename = "promptID")]
        pub prompt_id: crate::hasmcp::PromptId,
        #[serde(
            rename = "serverID",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub server_id: ::std::option::Option<crate::hasmcp::ServerId>,
    }
    ///`HasmcpAttachPromptRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpAttachPromptRequest {
        pub prompt: HasmcpAttachPrompt,
    }
    impl HasmcpAttachPromptRequest {
        pub fn builder() -> builder::HasmcpAttachPromptRequest {
            Default::default()
        }
    }
    ///[code] only `resourceID` is read.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpAttachResource {
        #[serde(rename = "resourceID")]
        pub resource_id: crate::hasmcp::ResourceId,
        #[serde(
            rename = "serverID",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub server_id: ::std::option::Option<crate::hasmcp::ServerId>,
    }
    ///`HasmcpAttachResourceRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpAttachResourceRequest {
        pub resource: HasmcpAttachResource,
    }
    impl HasmcpAttachResourceRequest {
        pub fn builder() -> builder::HasmcpAttachResourceRequest {
            Default::default()
        }
    }
    ///[code] only `toolID` is read. [doc: KB] asks for `serverID` and `providerID` too; both are optional here.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpAttachTool {
        #[serde(
            rename = "providerID",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub provider_id: ::std::option::Option<crate::hasmcp::ProviderId>,
        #[serde(
            rename = "serverID",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub server_id: ::std::option::Option<crate::hasmcp::ServerId>,
        #[serde(rename = "toolID")]
        pub tool_id: crate::hasmcp::ToolId,
    }
    ///`HasmcpAttachToolRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpAttachToolRequest {
        pub tool: HasmcpAttachTool,
    }
    impl HasmcpAttachToolRequest {
        pub fn builder() -> builder::HasmcpAttachToolRequest {
            Default::default()
        }
    }
    ///`HasmcpCreatePromptRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpCreatePromptRequest {
        pub prompt: crate::hasmcp::CreatePromptFields,
    }
    impl HasmcpCreatePromptRequest {
        pub fn builder() -> builder::HasmcpCreatePromptRequest {
            Default::default()
        }
    }
    ///`HasmcpCreateProviderRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpCreateProviderRequest {
        pub provider: crate::hasmcp::CreateProviderFields,
    }
    impl HasmcpCreateProviderRequest {
        pub fn builder() -> builder::HasmcpCreateProviderRequest {
            Default::default()
        }
    }
    ///`HasmcpCreateProviderToolRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpCreateProviderToolRequest {
        pub tool: crate::hasmcp::CreateProviderToolFields,
    }
    impl HasmcpCreateProviderToolRequest {
        pub fn builder() -> builder::HasmcpCreateProviderToolRequest {
            Default::default()
        }
    }
    ///`HasmcpCreateResourceRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpCreateResourceRequest {
        pub resource: crate::hasmcp::CreateResourceFields,
    }
    impl HasmcpCreateResourceRequest {
        pub fn builder() -> builder::HasmcpCreateResourceRequest {
            Default::default()
        }
    }
    ///`HasmcpCreateServerTokenRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpCreateServerTokenRequest {
        pub token: HasmcpServerTokenCreate,
    }
    impl HasmcpCreateServerTokenRequest {
        pub fn builder() -> builder::HasmcpCreateServerTokenRequest {
            Default::default()
        }
    }
    ///`HasmcpCreateVariableRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpCreateVariableRequest {
        pub variable: crate::hasmcp::CreateVariableFields,
    }
    impl HasmcpCreateVariableRequest {
        pub fn builder() -> builder::HasmcpCreateVariableRequest {
            Default::default()
        }
    }
    ///`{"error": {"code", "message", "data"}}`; `data` ids are int64 numbers [code].
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpErrorBody {
        pub error: HasmcpErrorBodyError,
    }
    ///`HasmcpErrorBodyError`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct HasmcpErrorBodyError {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<i64>,
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub data: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
    }
    ///A raw JSON schema, kept as JSON [spec, code].
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(transparent)]
    pub struct HasmcpRawJsonObject(
        pub ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    );
    impl ::std::ops::Deref for HasmcpRawJsonObject {
        type Target = ::serde_json::Map<::std::string::String, ::serde_json::Value>;
        fn deref(
            &self,
        ) -> &::serde_json::Map<::std::string::String, ::serde_json::Value> {
            &self.0
        }
    }
    impl ::std::convert::From<HasmcpRawJsonObject>
    for ::serde_json::Map<::std::string::String, ::serde_json::Value> {
        fn from(value: HasmcpRawJsonObject) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<
        ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    > for HasmcpRawJsonObject {
        fn from(
            value: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ) -> Self {
            Self(value)
        }
    }
    ///`{"servers": [Server]}` [spec]; the key is missing when the list is empty [code].
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct HasmcpServerList {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub servers: ::std::vec::Vec<crate::hasmcp::Server>,
    }
    ///`HasmcpServerPromptLinkEnvelope`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpServerPromptLinkEnvelope {
        pub prompt: crate::hasmcp::ServerPromptLink,
    }
    ///[spec] `{"prompts": […]}`; [code] `{"prompt": […]}` (singular). Either key may be present, or neither when there is none [code].
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct HasmcpServerPromptLinkList {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub prompt: ::std::vec::Vec<crate::hasmcp::ServerPromptLink>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub prompts: ::std::vec::Vec<crate::hasmcp::ServerPromptLink>,
    }
    ///`HasmcpServerResourceLinkEnvelope`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpServerResourceLinkEnvelope {
        pub resource: crate::hasmcp::ServerResourceLink,
    }
    ///`{"resources": […]}`; the key is missing when there is none [code].
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct HasmcpServerResourceLinkList {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub resources: ::std::vec::Vec<crate::hasmcp::ServerResourceLink>,
    }
    ///[spec] `ServerTokenCreate`. [code] `expiresAt` is required and in the future, `scope` optional, `name` ignored; [doc: KB] `name` mandatory, `expiresAt` optional.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpServerTokenCreate {
        #[serde(rename = "expiresAt")]
        pub expires_at: ::chrono::DateTime<::chrono::offset::Utc>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        ///Space-separated; default `session:create session:call session:delete session:stream` [code].
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub scope: ::std::option::Option<::std::string::String>,
    }
    ///`HasmcpServerTokenEnvelope`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpServerTokenEnvelope {
        pub token: crate::hasmcp::ServerToken,
    }
    ///`{"tokens": [ServerToken]}` without values [doc].
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct HasmcpServerTokenList {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub tokens: ::std::vec::Vec<crate::hasmcp::ServerToken>,
    }
    ///`HasmcpServerToolLinkEnvelope`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpServerToolLinkEnvelope {
        pub tool: crate::hasmcp::ServerToolLink,
    }
    ///`{"tools": […]}`; the key is missing when there is none [code].
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct HasmcpServerToolLinkList {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub tools: ::std::vec::Vec<crate::hasmcp::ServerToolLink>,
    }
    ///`HasmcpUpdatePromptRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpUpdatePromptRequest {
        pub prompt: crate::hasmcp::UpdatePromptFields,
    }
    impl HasmcpUpdatePromptRequest {
        pub fn builder() -> builder::HasmcpUpdatePromptRequest {
            Default::default()
        }
    }
    ///`HasmcpUpdateProviderRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpUpdateProviderRequest {
        pub provider: crate::hasmcp::UpdateProviderFields,
    }
    impl HasmcpUpdateProviderRequest {
        pub fn builder() -> builder::HasmcpUpdateProviderRequest {
            Default::default()
        }
    }
    ///`HasmcpUpdateProviderToolRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpUpdateProviderToolRequest {
        pub tool: crate::hasmcp::UpdateProviderToolFields,
    }
    impl HasmcpUpdateProviderToolRequest {
        pub fn builder() -> builder::HasmcpUpdateProviderToolRequest {
            Default::default()
        }
    }
    ///`HasmcpUpdateResourceRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpUpdateResourceRequest {
        pub resource: crate::hasmcp::UpdateResourceFields,
    }
    impl HasmcpUpdateResourceRequest {
        pub fn builder() -> builder::HasmcpUpdateResourceRequest {
            Default::default()
        }
    }
    ///`HasmcpUpdateVariableRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct HasmcpUpdateVariableRequest {
        pub variable: crate::hasmcp::UpdateVariableFields,
    }
    impl HasmcpUpdateVariableRequest {
        pub fn builder() -> builder::HasmcpUpdateVariableRequest {
            Default::default()
        }
    }
    ///WordPress `WP_Error` as JSON: `code`, `message`, `data` (with `status`, and for argument validation `params` and `details`), optionally `additional_errors` [code].
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WpError {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub additional_errors: ::std::vec::Vec<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        pub code: ::std::string::String,
        ///`status`; for argument validation `params` (argument → message) and `details` (argument → `{code, message, data}`); any other member is kept [code].
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data: ::std::option::Option<WpErrorData>,
        pub message: ::std::string::String,
    }
    ///`status`; for argument validation `params` (argument → message) and `details` (argument → `{code, message, data}`); any other member is kept [code].
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WpErrorData {
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub details: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub params: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<i64>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct HasmcpAttachPromptRequest {
            prompt: ::std::result::Result<
                super::HasmcpAttachPrompt,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpAttachPromptRequest {
            fn default() -> Self {
                Self {
                    prompt: Err("no value supplied for prompt".to_string()),
                }
            }
        }
        impl HasmcpAttachPromptRequest {
            pub fn prompt<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::HasmcpAttachPrompt>,
                T::Error: ::std::fmt::Display,
            {
                self.prompt = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for prompt: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpAttachPromptRequest>
        for super::HasmcpAttachPromptRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpAttachPromptRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { prompt: value.prompt? })
            }
        }
        impl ::std::convert::From<super::HasmcpAttachPromptRequest>
        for HasmcpAttachPromptRequest {
            fn from(value: super::HasmcpAttachPromptRequest) -> Self {
                Self { prompt: Ok(value.prompt) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpAttachResourceRequest {
            resource: ::std::result::Result<
                super::HasmcpAttachResource,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpAttachResourceRequest {
            fn default() -> Self {
                Self {
                    resource: Err("no value supplied for resource".to_string()),
                }
            }
        }
        impl HasmcpAttachResourceRequest {
            pub fn resource<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::HasmcpAttachResource>,
                T::Error: ::std::fmt::Display,
            {
                self.resource = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for resource: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpAttachResourceRequest>
        for super::HasmcpAttachResourceRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpAttachResourceRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { resource: value.resource? })
            }
        }
        impl ::std::convert::From<super::HasmcpAttachResourceRequest>
        for HasmcpAttachResourceRequest {
            fn from(value: super::HasmcpAttachResourceRequest) -> Self {
                Self {
                    resource: Ok(value.resource),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpAttachToolRequest {
            tool: ::std::result::Result<super::HasmcpAttachTool, ::std::string::String>,
        }
        impl ::std::default::Default for HasmcpAttachToolRequest {
            fn default() -> Self {
                Self {
                    tool: Err("no value supplied for tool".to_string()),
                }
            }
        }
        impl HasmcpAttachToolRequest {
            pub fn tool<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::HasmcpAttachTool>,
                T::Error: ::std::fmt::Display,
            {
                self.tool = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for tool: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpAttachToolRequest>
        for super::HasmcpAttachToolRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpAttachToolRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { tool: value.tool? })
            }
        }
        impl ::std::convert::From<super::HasmcpAttachToolRequest>
        for HasmcpAttachToolRequest {
            fn from(value: super::HasmcpAttachToolRequest) -> Self {
                Self { tool: Ok(value.tool) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpCreatePromptRequest {
            prompt: ::std::result::Result<
                crate::hasmcp::CreatePromptFields,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpCreatePromptRequest {
            fn default() -> Self {
                Self {
                    prompt: Err("no value supplied for prompt".to_string()),
                }
            }
        }
        impl HasmcpCreatePromptRequest {
            pub fn prompt<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::hasmcp::CreatePromptFields>,
                T::Error: ::std::fmt::Display,
            {
                self.prompt = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for prompt: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpCreatePromptRequest>
        for super::HasmcpCreatePromptRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpCreatePromptRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { prompt: value.prompt? })
            }
        }
        impl ::std::convert::From<super::HasmcpCreatePromptRequest>
        for HasmcpCreatePromptRequest {
            fn from(value: super::HasmcpCreatePromptRequest) -> Self {
                Self { prompt: Ok(value.prompt) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpCreateProviderRequest {
            provider: ::std::result::Result<
                crate::hasmcp::CreateProviderFields,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpCreateProviderRequest {
            fn default() -> Self {
                Self {
                    provider: Err("no value supplied for provider".to_string()),
                }
            }
        }
        impl HasmcpCreateProviderRequest {
            pub fn provider<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::hasmcp::CreateProviderFields>,
                T::Error: ::std::fmt::Display,
            {
                self.provider = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for provider: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpCreateProviderRequest>
        for super::HasmcpCreateProviderRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpCreateProviderRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { provider: value.provider? })
            }
        }
        impl ::std::convert::From<super::HasmcpCreateProviderRequest>
        for HasmcpCreateProviderRequest {
            fn from(value: super::HasmcpCreateProviderRequest) -> Self {
                Self {
                    provider: Ok(value.provider),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpCreateProviderToolRequest {
            tool: ::std::result::Result<
                crate::hasmcp::CreateProviderToolFields,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpCreateProviderToolRequest {
            fn default() -> Self {
                Self {
                    tool: Err("no value supplied for tool".to_string()),
                }
            }
        }
        impl HasmcpCreateProviderToolRequest {
            pub fn tool<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::hasmcp::CreateProviderToolFields>,
                T::Error: ::std::fmt::Display,
            {
                self.tool = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for tool: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpCreateProviderToolRequest>
        for super::HasmcpCreateProviderToolRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpCreateProviderToolRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { tool: value.tool? })
            }
        }
        impl ::std::convert::From<super::HasmcpCreateProviderToolRequest>
        for HasmcpCreateProviderToolRequest {
            fn from(value: super::HasmcpCreateProviderToolRequest) -> Self {
                Self { tool: Ok(value.tool) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpCreateResourceRequest {
            resource: ::std::result::Result<
                crate::hasmcp::CreateResourceFields,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpCreateResourceRequest {
            fn default() -> Self {
                Self {
                    resource: Err("no value supplied for resource".to_string()),
                }
            }
        }
        impl HasmcpCreateResourceRequest {
            pub fn resource<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::hasmcp::CreateResourceFields>,
                T::Error: ::std::fmt::Display,
            {
                self.resource = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for resource: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpCreateResourceRequest>
        for super::HasmcpCreateResourceRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpCreateResourceRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { resource: value.resource? })
            }
        }
        impl ::std::convert::From<super::HasmcpCreateResourceRequest>
        for HasmcpCreateResourceRequest {
            fn from(value: super::HasmcpCreateResourceRequest) -> Self {
                Self {
                    resource: Ok(value.resource),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpCreateServerTokenRequest {
            token: ::std::result::Result<
                super::HasmcpServerTokenCreate,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpCreateServerTokenRequest {
            fn default() -> Self {
                Self {
                    token: Err("no value supplied for token".to_string()),
                }
            }
        }
        impl HasmcpCreateServerTokenRequest {
            pub fn token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::HasmcpServerTokenCreate>,
                T::Error: ::std::fmt::Display,
            {
                self.token = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for token: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpCreateServerTokenRequest>
        for super::HasmcpCreateServerTokenRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpCreateServerTokenRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { token: value.token? })
            }
        }
        impl ::std::convert::From<super::HasmcpCreateServerTokenRequest>
        for HasmcpCreateServerTokenRequest {
            fn from(value: super::HasmcpCreateServerTokenRequest) -> Self {
                Self { token: Ok(value.token) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpCreateVariableRequest {
            variable: ::std::result::Result<
                crate::hasmcp::CreateVariableFields,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpCreateVariableRequest {
            fn default() -> Self {
                Self {
                    variable: Err("no value supplied for variable".to_string()),
                }
            }
        }
        impl HasmcpCreateVariableRequest {
            pub fn variable<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::hasmcp::CreateVariableFields>,
                T::Error: ::std::fmt::Display,
            {
                self.variable = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for variable: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpCreateVariableRequest>
        for super::HasmcpCreateVariableRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpCreateVariableRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { variable: value.variable? })
            }
        }
        impl ::std::convert::From<super::HasmcpCreateVariableRequest>
        for HasmcpCreateVariableRequest {
            fn from(value: super::HasmcpCreateVariableRequest) -> Self {
                Self {
                    variable: Ok(value.variable),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpUpdatePromptRequest {
            prompt: ::std::result::Result<
                crate::hasmcp::UpdatePromptFields,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpUpdatePromptRequest {
            fn default() -> Self {
                Self {
                    prompt: Err("no value supplied for prompt".to_string()),
                }
            }
        }
        impl HasmcpUpdatePromptRequest {
            pub fn prompt<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::hasmcp::UpdatePromptFields>,
                T::Error: ::std::fmt::Display,
            {
                self.prompt = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for prompt: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpUpdatePromptRequest>
        for super::HasmcpUpdatePromptRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpUpdatePromptRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { prompt: value.prompt? })
            }
        }
        impl ::std::convert::From<super::HasmcpUpdatePromptRequest>
        for HasmcpUpdatePromptRequest {
            fn from(value: super::HasmcpUpdatePromptRequest) -> Self {
                Self { prompt: Ok(value.prompt) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpUpdateProviderRequest {
            provider: ::std::result::Result<
                crate::hasmcp::UpdateProviderFields,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpUpdateProviderRequest {
            fn default() -> Self {
                Self {
                    provider: Err("no value supplied for provider".to_string()),
                }
            }
        }
        impl HasmcpUpdateProviderRequest {
            pub fn provider<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::hasmcp::UpdateProviderFields>,
                T::Error: ::std::fmt::Display,
            {
                self.provider = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for provider: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpUpdateProviderRequest>
        for super::HasmcpUpdateProviderRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpUpdateProviderRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { provider: value.provider? })
            }
        }
        impl ::std::convert::From<super::HasmcpUpdateProviderRequest>
        for HasmcpUpdateProviderRequest {
            fn from(value: super::HasmcpUpdateProviderRequest) -> Self {
                Self {
                    provider: Ok(value.provider),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpUpdateProviderToolRequest {
            tool: ::std::result::Result<
                crate::hasmcp::UpdateProviderToolFields,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpUpdateProviderToolRequest {
            fn default() -> Self {
                Self {
                    tool: Err("no value supplied for tool".to_string()),
                }
            }
        }
        impl HasmcpUpdateProviderToolRequest {
            pub fn tool<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::hasmcp::UpdateProviderToolFields>,
                T::Error: ::std::fmt::Display,
            {
                self.tool = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for tool: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpUpdateProviderToolRequest>
        for super::HasmcpUpdateProviderToolRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpUpdateProviderToolRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { tool: value.tool? })
            }
        }
        impl ::std::convert::From<super::HasmcpUpdateProviderToolRequest>
        for HasmcpUpdateProviderToolRequest {
            fn from(value: super::HasmcpUpdateProviderToolRequest) -> Self {
                Self { tool: Ok(value.tool) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpUpdateResourceRequest {
            resource: ::std::result::Result<
                crate::hasmcp::UpdateResourceFields,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpUpdateResourceRequest {
            fn default() -> Self {
                Self {
                    resource: Err("no value supplied for resource".to_string()),
                }
            }
        }
        impl HasmcpUpdateResourceRequest {
            pub fn resource<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::hasmcp::UpdateResourceFields>,
                T::Error: ::std::fmt::Display,
            {
                self.resource = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for resource: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpUpdateResourceRequest>
        for super::HasmcpUpdateResourceRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpUpdateResourceRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { resource: value.resource? })
            }
        }
        impl ::std::convert::From<super::HasmcpUpdateResourceRequest>
        for HasmcpUpdateResourceRequest {
            fn from(value: super::HasmcpUpdateResourceRequest) -> Self {
                Self {
                    resource: Ok(value.resource),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct HasmcpUpdateVariableRequest {
            variable: ::std::result::Result<
                crate::hasmcp::UpdateVariableFields,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for HasmcpUpdateVariableRequest {
            fn default() -> Self {
                Self {
                    variable: Err("no value supplied for variable".to_string()),
                }
            }
        }
        impl HasmcpUpdateVariableRequest {
            pub fn variable<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::hasmcp::UpdateVariableFields>,
                T::Error: ::std::fmt::Display,
            {
                self.variable = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for variable: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<HasmcpUpdateVariableRequest>
        for super::HasmcpUpdateVariableRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: HasmcpUpdateVariableRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { variable: value.variable? })
            }
        }
        impl ::std::convert::From<super::HasmcpUpdateVariableRequest>
        for HasmcpUpdateVariableRequest {
            fn from(value: super::HasmcpUpdateVariableRequest) -> Self {
                Self {
                    variable: Ok(value.variable),
                }
            }
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
}
#[derive(Clone, Debug)]
/**Client for mcp-admin management APIs (HasMCP and GetMCP)

One description of the two platforms' management APIs, told apart by path prefix. Sources are named in each description: [doc] the vendor's pages (the shared seeds, HasMCP's knowledge base "KB", the GetMCP API reference), [spec] HasMCP's published OpenAPI description, [code] public source of the product, [run] observed on a running WordPress with the plugin, [inferred] found in no source and assumed from sibling endpoints. The client's base URL is the bare origin (for a WordPress in a sub-folder, the site URL with its path). `x-pattern` is a `pattern` kept out of the generated code (the code generator turns `pattern` into a regex type needing an extra crate) until the schema's Rust type is hand-written; the tests check it as `pattern`.

Version: 1.0.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
    pub(crate) inner: crate::transport::Transport,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str, inner: crate::transport::Transport) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap(), inner)
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(
        baseurl: &str,
        client: reqwest::Client,
        inner: crate::transport::Transport,
    ) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
            inner,
        }
    }
}
impl ClientInfo<crate::transport::Transport> for Client {
    fn api_version() -> &'static str {
        "1.0.0"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &crate::transport::Transport {
        &self.inner
    }
}
const _: () = {
    #[allow(dead_code)]
    fn assert_client_hooks()
    where
        Client: ClientHooks<crate::transport::Transport>,
    {}
};
impl Client {
    /**List MCP Servers

`{"servers": [Server]}` [spec]. [code] No paging, filtering or ordering (database order); the items carry `providers[].tools[]` ids only, never resources or prompts; an empty list is rendered `{}`, so the key is optional.

Sends a `GET` request to `/api/v1/servers`

```ignore
let response = client.hasmcp_list_servers()
    .send()
    .await;
```*/
    pub fn hasmcp_list_servers(&self) -> builder::HasmcpListServers<'_> {
        builder::HasmcpListServers::new(self)
    }
    /**Create MCP Server

[spec] POST `{"server": ServerCreate}`, 201 with `{"server": Server}`. [code] `name` is required (1–16 chars `[a-zA-Z0-9]`), `instructions` ≤ 4096 chars, at most one provider (400, first failure wins); a sent `version` is ignored and the server starts at 1.

Sends a `POST` request to `/api/v1/servers`

Arguments:
- `body`: The vendor's example [doc: KB create-mcp-server] with its 17-character name shortened to one the name rule [code] accepts, and its ignored `version` and empty `providers` left out (no providers either way).
```ignore
let response = client.hasmcp_create_server()
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_create_server(&self) -> builder::HasmcpCreateServer<'_> {
        builder::HasmcpCreateServer::new(self)
    }
    /**Get MCP Server

Returns `{"server": Server}` [spec].

Sends a `GET` request to `/api/v1/servers/{id}`

Arguments:
- `id`: MCP Server ID [spec]
```ignore
let response = client.hasmcp_get_server()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_get_server(&self) -> builder::HasmcpGetServer<'_> {
        builder::HasmcpGetServer::new(self)
    }
    /**Delete MCP Server

204 with no body [spec]. [code] Also removes the server's links; an unknown id is a 204 as well, so a second delete succeeds.

Sends a `DELETE` request to `/api/v1/servers/{id}`

Arguments:
- `id`: MCP Server ID [spec]
```ignore
let response = client.hasmcp_delete_server()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_delete_server(&self) -> builder::HasmcpDeleteServer<'_> {
        builder::HasmcpDeleteServer::new(self)
    }
    /**Update MCP Server

[doc] PATCH with `{"server": {...}}`, 200 with `{"server": Server}`. [code] The open-source edition REPLACES what is omitted: `name` and `version` are required, omitted `instructions` become "", omitted `requestHeadersProxyEnabled` becomes false, omitted attachments are detached. A stale `version` still answers 200 (scalars unchanged, attachments replaced); a current one answers version + 1.

Sends a `PATCH` request to `/api/v1/servers/{id}`

Arguments:
- `id`: MCP Server ID [spec]
- `body`: The example is the vendor's request [doc] with its `<string>` placeholders for `name` and `instructions` replaced by values the name rule [code] accepts.
```ignore
let response = client.hasmcp_update_server()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_update_server(&self) -> builder::HasmcpUpdateServer<'_> {
        builder::HasmcpUpdateServer::new(self)
    }
    /**List MCP Server Tools

The server's tool links, `{"tools": [{serverID, providerID, toolID}]}` [spec, code]. [code] No paging; `{}` when there is none, and also when the server does not exist.

Sends a `GET` request to `/api/v1/servers/{id}/tools`

Arguments:
- `id`: MCP Server ID [spec]
```ignore
let response = client.hasmcp_list_server_tools()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_list_server_tools(&self) -> builder::HasmcpListServerTools<'_> {
        builder::HasmcpListServerTools::new(self)
    }
    /**Create MCP Server Tool Association

Links one tool to the server in one request, without replacing the other links [spec, code]. [code] Only `toolID` is read (the provider is derived from the tool, the server from the path); answers 201 with an all-zero-id body, so re-read the links to see the result; 404 for an unknown server, 409 `tool does not exist` for an unknown tool and 409 `server tool already exists` for an existing link. [doc: KB] claims 200 and asks for `serverID` and `providerID` too: they are accepted and optional here.

Sends a `POST` request to `/api/v1/servers/{id}/tools`

Arguments:
- `id`: MCP Server ID [spec]
- `body`
```ignore
let response = client.hasmcp_attach_tool()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_attach_tool(&self) -> builder::HasmcpAttachTool<'_> {
        builder::HasmcpAttachTool::new(self)
    }
    /**Delete MCP Server Tool Association

Unlinks one tool, leaving the other links alone [spec, code]. [code] 404 for an unknown server; a link that does not exist is still a 204.

Sends a `DELETE` request to `/api/v1/servers/{id}/tools/{toolID}`

Arguments:
- `id`: MCP Server ID [spec]
- `tool_id`: Tool ID [spec]
```ignore
let response = client.hasmcp_detach_tool()
    .id(id)
    .tool_id(tool_id)
    .send()
    .await;
```*/
    pub fn hasmcp_detach_tool(&self) -> builder::HasmcpDetachTool<'_> {
        builder::HasmcpDetachTool::new(self)
    }
    /**List MCP Server Resource Associations

The server's resource links, `{"resources": [{serverID, resourceID}]}` [spec, code]; `{}` when there is none [code].

Sends a `GET` request to `/api/v1/servers/{id}/resources`

Arguments:
- `id`: MCP Server ID [spec]
```ignore
let response = client.hasmcp_list_server_resources()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_list_server_resources(
        &self,
    ) -> builder::HasmcpListServerResources<'_> {
        builder::HasmcpListServerResources::new(self)
    }
    /**Create MCP Server Resource Association

Links one resource to the server [spec, code]. [code] Only `resourceID` is read; 201 with an all-zero-id body; 404 for an unknown server or `resource not found`, 409 when the link exists.

Sends a `POST` request to `/api/v1/servers/{id}/resources`

Arguments:
- `id`: MCP Server ID [spec]
- `body`
```ignore
let response = client.hasmcp_attach_resource()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_attach_resource(&self) -> builder::HasmcpAttachResource<'_> {
        builder::HasmcpAttachResource::new(self)
    }
    /**Delete MCP Server Resource Association

Unlinks one resource [spec, code]. [code] 204 even for an unknown server or link.

Sends a `DELETE` request to `/api/v1/servers/{id}/resources/{resourceID}`

Arguments:
- `id`: MCP Server ID [spec]
- `resource_id`: Resource ID to disassociate [spec]
```ignore
let response = client.hasmcp_detach_resource()
    .id(id)
    .resource_id(resource_id)
    .send()
    .await;
```*/
    pub fn hasmcp_detach_resource(&self) -> builder::HasmcpDetachResource<'_> {
        builder::HasmcpDetachResource::new(self)
    }
    /**List MCP Server Prompt Associations

The server's prompt links. [spec] lists them under `prompts`; [code] the open-source edition uses the singular key `prompt`, and `{}` when there is none. Both keys are declared: read whichever is present.

Sends a `GET` request to `/api/v1/servers/{id}/prompts`

Arguments:
- `id`: MCP Server ID [spec]
```ignore
let response = client.hasmcp_list_server_prompts()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_list_server_prompts(&self) -> builder::HasmcpListServerPrompts<'_> {
        builder::HasmcpListServerPrompts::new(self)
    }
    /**Create MCP Server Prompt Association

Links one prompt to the server [spec, code]. [code] Only `promptID` is read; 201 with an all-zero-id body; 404 for an unknown server or `prompt not found`, 409 when the link exists.

Sends a `POST` request to `/api/v1/servers/{id}/prompts`

Arguments:
- `id`: MCP Server ID [spec]
- `body`
```ignore
let response = client.hasmcp_attach_prompt()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_attach_prompt(&self) -> builder::HasmcpAttachPrompt<'_> {
        builder::HasmcpAttachPrompt::new(self)
    }
    /**Delete MCP Server Prompt Association

Unlinks one prompt [spec, code]. [code] 204 even for an unknown server or link.

Sends a `DELETE` request to `/api/v1/servers/{id}/prompts/{promptID}`

Arguments:
- `id`: MCP Server ID [spec]
- `prompt_id`: Prompt ID to disassociate [spec]
```ignore
let response = client.hasmcp_detach_prompt()
    .id(id)
    .prompt_id(prompt_id)
    .send()
    .await;
```*/
    pub fn hasmcp_detach_prompt(&self) -> builder::HasmcpDetachPrompt<'_> {
        builder::HasmcpDetachPrompt::new(self)
    }
    /**List MCP Server Tokens

[doc: KB list-server-tokens-api] `{"tokens": [ServerToken]}` without values. Only the KB describes it: the vendor spec dropped it and the open-source edition stores no tokens, so neither has the route.

Sends a `GET` request to `/api/v1/servers/{id}/tokens`

Arguments:
- `id`: MCP Server ID [spec]
```ignore
let response = client.hasmcp_list_server_tokens()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_list_server_tokens(&self) -> builder::HasmcpListServerTokens<'_> {
        builder::HasmcpListServerTokens::new(self)
    }
    /**Create MCP Server Token

Mints an MCP client token (a JWT) for the server [spec, code]; 201 with `{"token": ServerToken}` whose `value` is shown only here. [code] `expiresAt` is required and must be in the future (else 400 `expires at (…) must be in the future`), `scope` is space-separated (default `session:create session:call session:delete session:stream`), `name` is ignored, and the answer lacks `createdAt` and `name`. [doc: KB] calls `expiresAt` optional and `name` mandatory: send both.

Sends a `POST` request to `/api/v1/servers/{id}/tokens`

Arguments:
- `id`: MCP Server ID [spec]
- `body`: The vendor's example [doc: KB create-server-token-endpoint].
```ignore
let response = client.hasmcp_create_server_token()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_create_server_token(&self) -> builder::HasmcpCreateServerToken<'_> {
        builder::HasmcpCreateServerToken::new(self)
    }
    /**Revoke MCP Server Token

[doc: KB revoke-server-token] 204; the token stops working at once. Only the KB describes it (not in the vendor spec nor in the open-source edition).

Sends a `DELETE` request to `/api/v1/servers/{id}/tokens/{tokenID}`

Arguments:
- `id`: MCP Server ID [spec]
- `token_id`: Token ID [doc]
```ignore
let response = client.hasmcp_revoke_server_token()
    .id(id)
    .token_id(token_id)
    .send()
    .await;
```*/
    pub fn hasmcp_revoke_server_token(&self) -> builder::HasmcpRevokeServerToken<'_> {
        builder::HasmcpRevokeServerToken::new(self)
    }
    /**List Providers

`{"providers": [Provider]}` [spec, code]. [spec] adds cursor paging (`limit`, `token` → `nextToken`, `matchCount`) and the filters below; [code] the open-source edition reads differently named filters, ignores all of them, never pages, and renders an empty list as `{}`. [doc: KB api-pagination] names the list key `data`; the spec and the code agree on `providers`.

Sends a `GET` request to `/api/v1/providers`

Arguments:
- `api_type`: Filter by API type [spec]; ignored by the open-source edition [code].
- `base_url_contains`: Filter by base URL [spec]; ignored by the open-source edition [code].
- `limit`: Page size [spec]; ignored by the open-source edition [code].
- `name_contains`: Filter by name [spec]; ignored by the open-source edition [code].
- `token`: The `nextToken` of the previous page [spec].
- `visibility`: Filter by visibility [spec]; ignored by the open-source edition [code].
```ignore
let response = client.hasmcp_list_providers()
    .api_type(api_type)
    .base_url_contains(base_url_contains)
    .limit(limit)
    .name_contains(name_contains)
    .token(token)
    .visibility(visibility)
    .send()
    .await;
```*/
    pub fn hasmcp_list_providers(&self) -> builder::HasmcpListProviders<'_> {
        builder::HasmcpListProviders::new(self)
    }
    /**Create Provider

[spec] POST `{"provider": ProviderCreate}`, 201 with `{"provider": Provider}` at `version` 1 and with a `secretPrefix` derived from the base URL's host [code]. [code] Validation failures answer **500** `internal server error` with `data.reason`.

Sends a `POST` request to `/api/v1/providers`

Arguments:
- `body`: The vendor's example [doc: KB create-mcp-provider].
```ignore
let response = client.hasmcp_create_provider()
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_create_provider(&self) -> builder::HasmcpCreateProvider<'_> {
        builder::HasmcpCreateProvider::new(self)
    }
    /**Get Provider

`{"provider": Provider}` with its full `tools` [spec, code]; `oauth2Config.clientSecret` comes back as `***` [code]. 404 `provider not found` [code].

Sends a `GET` request to `/api/v1/providers/{id}`

Arguments:
- `id`: Provider ID [spec]
```ignore
let response = client.hasmcp_get_provider()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_get_provider(&self) -> builder::HasmcpGetProvider<'_> {
        builder::HasmcpGetProvider::new(self)
    }
    /**Delete Provider

204 [spec, code]. [code] Also deletes the provider's tools and every server link to them; an unknown id is a 204 as well.

Sends a `DELETE` request to `/api/v1/providers/{id}`

Arguments:
- `id`: Provider ID [spec]
```ignore
let response = client.hasmcp_delete_provider()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_delete_provider(&self) -> builder::HasmcpDeleteProvider<'_> {
        builder::HasmcpDeleteProvider::new(self)
    }
    /**Update Provider

A partial update: only non-empty `name`, `description`, `documentURL`, `iconURL` are applied, so a field cannot be cleared; `oauth2Config` is replaced only when all four of its fields are sent and `clientSecret` is not `***`; `apiType`, `visibilityType` and `baseURL` cannot change [code]. 200 with `{"provider": Provider}`, `version` + 1 [spec, code]. [code] 400 `no changes provided for provider update`; other validation failures and an unknown id answer 500 (`failed to get provider`).

Sends a `PATCH` request to `/api/v1/providers/{id}`

Arguments:
- `id`: Provider ID [spec]
- `body`
```ignore
let response = client.hasmcp_update_provider()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_update_provider(&self) -> builder::HasmcpUpdateProvider<'_> {
        builder::HasmcpUpdateProvider::new(self)
    }
    /**List Provider Tools

`{"tools": [Tool]}` [spec, code]; `{}` when there is none or the provider does not exist [code].

Sends a `GET` request to `/api/v1/providers/{id}/tools`

Arguments:
- `id`: Provider ID [spec]
```ignore
let response = client.hasmcp_list_provider_tools()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_list_provider_tools(&self) -> builder::HasmcpListProviderTools<'_> {
        builder::HasmcpListProviderTools::new(self)
    }
    /**Create Provider Tool

[spec] POST `{"tool": ProviderToolCreate}`, 201 with `{"tool": Tool}`; the provider comes from the path and its `version` is bumped [code]. [code] 400 with `data` for an invalid field; a second tool with the same (provider, method, path) is a 500.

Sends a `POST` request to `/api/v1/providers/{id}/tools`

Arguments:
- `id`: Provider ID [spec]
- `body`: The vendor's example [doc: KB add-tool-to-provider].
```ignore
let response = client.hasmcp_create_provider_tool()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_create_provider_tool(&self) -> builder::HasmcpCreateProviderTool<'_> {
        builder::HasmcpCreateProviderTool::new(self)
    }
    /**Get Provider Tool

`{"tool": Tool}` [spec, code]. [code] An unknown tool answers **500** `record not found`, not 404.

Sends a `GET` request to `/api/v1/providers/{id}/tools/{toolID}`

Arguments:
- `id`: Provider ID [spec]; the open-source edition ignores it [code].
- `tool_id`: Tool ID [spec]
```ignore
let response = client.hasmcp_get_provider_tool()
    .id(id)
    .tool_id(tool_id)
    .send()
    .await;
```*/
    pub fn hasmcp_get_provider_tool(&self) -> builder::HasmcpGetProviderTool<'_> {
        builder::HasmcpGetProviderTool::new(self)
    }
    /**Delete Provider Tool

204, and the tool is unlinked from every server [spec, code].

Sends a `DELETE` request to `/api/v1/providers/{id}/tools/{toolID}`

Arguments:
- `id`: Provider ID [spec]; the open-source edition ignores it [code].
- `tool_id`: Tool ID [spec]
```ignore
let response = client.hasmcp_delete_provider_tool()
    .id(id)
    .tool_id(tool_id)
    .send()
    .await;
```*/
    pub fn hasmcp_delete_provider_tool(&self) -> builder::HasmcpDeleteProviderTool<'_> {
        builder::HasmcpDeleteProviderTool::new(self)
    }
    /**Update Provider Tool

A partial update: only non-empty fields are applied, `headers` is replaced when the key is present, and `method` and `path` cannot change [code]. 200 with `{"tool": Tool}` [spec, code]. [code] 400 `no changes provided…`, also for a valid update of only `name`, `headers` or `oauth2Scopes` (send one more field with them); an unknown tool answers 500.

Sends a `PATCH` request to `/api/v1/providers/{id}/tools/{toolID}`

Arguments:
- `id`: Provider ID [spec]; the open-source edition ignores it [code].
- `tool_id`: Tool ID [spec]
- `body`
```ignore
let response = client.hasmcp_update_provider_tool()
    .id(id)
    .tool_id(tool_id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_update_provider_tool(&self) -> builder::HasmcpUpdateProviderTool<'_> {
        builder::HasmcpUpdateProviderTool::new(self)
    }
    /**List Variables

`{"variables": [Variable]}` [spec, code]; the values of `SECRET` variables come back as `***` [spec, code]. [code] This key is always present (`[]` when empty), but is declared optional like every list key; variables carry no timestamps.

Sends a `GET` request to `/api/v1/variables`

```ignore
let response = client.hasmcp_list_variables()
    .send()
    .await;
```*/
    pub fn hasmcp_list_variables(&self) -> builder::HasmcpListVariables<'_> {
        builder::HasmcpListVariables::new(self)
    }
    /**Create Variable

[spec] POST `{"variable": VariableCreate}`, 201 with `{"variable": Variable}` (a `SECRET` value comes back as `***`). [code] 400 `invalid varible name…`, `invalid variable type`, `value is required`. [doc: KB duplicate-variable-names] says a duplicate name is a 409; [code] has no unique index and answers 201.

Sends a `POST` request to `/api/v1/variables`

Arguments:
- `body`: The vendor's example [doc: KB create-server-variable-endpoint].
```ignore
let response = client.hasmcp_create_variable()
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_create_variable(&self) -> builder::HasmcpCreateVariable<'_> {
        builder::HasmcpCreateVariable::new(self)
    }
    /**Delete Variable

204 [spec, code]; an unknown id is a 204 as well [code].

Sends a `DELETE` request to `/api/v1/variables/{id}`

Arguments:
- `id`: Variable ID [spec]
```ignore
let response = client.hasmcp_delete_variable()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_delete_variable(&self) -> builder::HasmcpDeleteVariable<'_> {
        builder::HasmcpDeleteVariable::new(self)
    }
    /**Update Variable

Changes the value only; `name` and `type` are ignored [code]. The answer differs by source: [spec] 200 with `{"variable": Variable}`, [code] and [doc: KB update-server-variable] 204 with no body. Both are declared as success without a decoded body, because progenitor 0.15 requires every success response of an operation to have the same kind (a JSON body and no body cannot be mixed); there is no single-variable read, so re-list to see the result. [code] 404 `failed to fetch updated variable`.

Sends a `PATCH` request to `/api/v1/variables/{id}`

Arguments:
- `id`: Variable ID [spec]
- `body`: The vendor's example [doc: KB update-server-variable].
```ignore
let response = client.hasmcp_update_variable()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_update_variable(&self) -> builder::HasmcpUpdateVariable<'_> {
        builder::HasmcpUpdateVariable::new(self)
    }
    /**List Resources

`{"resources": [Resource]}`, `{}` when empty [code]. The path differs by source: [code] the open-source edition serves the account's resources at `/resources`, [spec] nests them under `/providers/{id}/resources`. The top-level path is used: it is the one implemented in code, and servers attach resources by id alone (`resources:[{id}]` in [spec] too), so a resource does not need a provider to be addressed.

Sends a `GET` request to `/api/v1/resources`

```ignore
let response = client.hasmcp_list_resources()
    .send()
    .await;
```*/
    pub fn hasmcp_list_resources(&self) -> builder::HasmcpListResources<'_> {
        builder::HasmcpListResources::new(self)
    }
    /**Create Resource

POST `{"resource": ResourceCreate}`, 201 with `{"resource": Resource}` [spec, code] (path: see `hasmcp_list_resources`). [code] 400 `resource name is required`, ….

Sends a `POST` request to `/api/v1/resources`

Arguments:
- `body`: The vendor's example [doc: KB create-provider-resource].
```ignore
let response = client.hasmcp_create_resource()
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_create_resource(&self) -> builder::HasmcpCreateResource<'_> {
        builder::HasmcpCreateResource::new(self)
    }
    /**Get Resource

`{"resource": Resource}` [spec, code]. [code] 404 `server resource not found`.

Sends a `GET` request to `/api/v1/resources/{id}`

Arguments:
- `id`: Resource ID [spec]
```ignore
let response = client.hasmcp_get_resource()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_get_resource(&self) -> builder::HasmcpGetResource<'_> {
        builder::HasmcpGetResource::new(self)
    }
    /**Delete Resource

204, and the resource is unlinked from every server [spec, code]; an unknown id is a 204 as well [code].

Sends a `DELETE` request to `/api/v1/resources/{id}`

Arguments:
- `id`: Resource ID [spec]
```ignore
let response = client.hasmcp_delete_resource()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_delete_resource(&self) -> builder::HasmcpDeleteResource<'_> {
        builder::HasmcpDeleteResource::new(self)
    }
    /**Update Resource

A partial update: only non-empty, non-zero, non-null fields are applied [code]. The answer differs by source: [spec] 200 with `{"resource": Resource}`, [code] 204 with no body. Both are declared as success without a decoded body, because progenitor 0.15 requires every success response of an operation to have the same kind; read the resource back with `hasmcp_get_resource`. [code] 400 `no update fields provided`; an unknown id is a 204.

Sends a `PATCH` request to `/api/v1/resources/{id}`

Arguments:
- `id`: Resource ID [spec]
- `body`
```ignore
let response = client.hasmcp_update_resource()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_update_resource(&self) -> builder::HasmcpUpdateResource<'_> {
        builder::HasmcpUpdateResource::new(self)
    }
    /**List Prompts

`{"prompts": [Prompt]}`, `{}` when empty [code]. Top-level path as for resources ([spec] nests prompts under `/providers/{id}/prompts`; see `hasmcp_list_resources`).

Sends a `GET` request to `/api/v1/prompts`

```ignore
let response = client.hasmcp_list_prompts()
    .send()
    .await;
```*/
    pub fn hasmcp_list_prompts(&self) -> builder::HasmcpListPrompts<'_> {
        builder::HasmcpListPrompts::new(self)
    }
    /**Create Prompt

POST `{"prompt": PromptCreate}`, 201 with `{"prompt": Prompt}` [spec, code] (path: see `hasmcp_list_prompts`). `arguments` and `messages` are raw JSON [code]: [spec] types them as objects, [doc: KB add-prompt-to-provider] sends arrays.

Sends a `POST` request to `/api/v1/prompts`

Arguments:
- `body`: The vendor's example [doc: KB add-prompt-to-provider].
```ignore
let response = client.hasmcp_create_prompt()
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_create_prompt(&self) -> builder::HasmcpCreatePrompt<'_> {
        builder::HasmcpCreatePrompt::new(self)
    }
    /**Get Prompt

`{"prompt": Prompt}` [spec, code]. [code] 404 `server prompt not found`.

Sends a `GET` request to `/api/v1/prompts/{id}`

Arguments:
- `id`: Prompt ID [spec]
```ignore
let response = client.hasmcp_get_prompt()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_get_prompt(&self) -> builder::HasmcpGetPrompt<'_> {
        builder::HasmcpGetPrompt::new(self)
    }
    /**Delete Prompt

204, and the prompt is unlinked from every server [spec, code]; an unknown id is a 204 as well [code].

Sends a `DELETE` request to `/api/v1/prompts/{id}`

Arguments:
- `id`: Prompt ID [spec]
```ignore
let response = client.hasmcp_delete_prompt()
    .id(id)
    .send()
    .await;
```*/
    pub fn hasmcp_delete_prompt(&self) -> builder::HasmcpDeletePrompt<'_> {
        builder::HasmcpDeletePrompt::new(self)
    }
    /**Update Prompt

A partial update: only non-empty fields are applied [code]; 204 with no body [spec, code]. [code] 400 `no update fields provided`; an unknown id is a 204.

Sends a `PATCH` request to `/api/v1/prompts/{id}`

Arguments:
- `id`: Prompt ID [spec]
- `body`
```ignore
let response = client.hasmcp_update_prompt()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn hasmcp_update_prompt(&self) -> builder::HasmcpUpdatePrompt<'_> {
        builder::HasmcpUpdatePrompt::new(self)
    }
    /**List Servers

One page of servers as a bare array; the totals come in the `X-WP-Total` and `X-WP-TotalPages` headers [doc, code]. Default order: most recently used first (`last_used_at` DESC, falling back to `created_at`) [code]. A page past the last one is an empty array; `per_page` or `page` out of bounds is a 400 `rest_invalid_param` [code]. With the extensions add-on active, only `native` servers are listed [code].

Sends a `GET` request to `/wp-json/getmcp/v1/servers`

Arguments:
- `order`: Sort direction; default `DESC` [code].
- `orderby`: Sort key; default `last_used_at` [code].
- `page`: Page number, from 1; default 1 [doc].
- `per_page`: Servers per page, 1–100; default 20 [doc].
- `search`: Substring of the name or slug (SQL LIKE) [code].
- `status`: Only servers with this status; absent or empty lists all [doc, code].
```ignore
let response = client.getmcp_list_servers()
    .order(order)
    .orderby(orderby)
    .page(page)
    .per_page(per_page)
    .search(search)
    .status(status)
    .send()
    .await;
```*/
    pub fn getmcp_list_servers(&self) -> builder::GetmcpListServers<'_> {
        builder::GetmcpListServers::new(self)
    }
    /**Create Server

201 with the server object [doc, code]. Only `name` is required; the slug is derived from the name and de-duplicated with `-1`, `-2`, … [code, run]. [code] 400 `getmcp_invalid_credentials`, 403 `tier_limit_servers` or `tier_limit_auth_method` (with `data.limit`, `tier`, `upgrade_url`, …), 500 `getmcp_create_failed`, 503 `getmcp_encryption_unavailable`. The body must be sent as `application/json` [run].

Sends a `POST` request to `/wp-json/getmcp/v1/servers`

```ignore
let response = client.getmcp_create_server()
    .body(body)
    .send()
    .await;
```*/
    pub fn getmcp_create_server(&self) -> builder::GetmcpCreateServer<'_> {
        builder::GetmcpCreateServer::new(self)
    }
    /**Get Server

Returns the same server object as the update [doc].

Sends a `GET` request to `/wp-json/getmcp/v1/servers/{id}`

Arguments:
- `id`: The UUID of the server; numeric ids are accepted for backwards compatibility [doc].
```ignore
let response = client.getmcp_get_server()
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_get_server(&self) -> builder::GetmcpGetServer<'_> {
        builder::GetmcpGetServer::new(self)
    }
    /**Delete Server

200 `{"deleted": true}` [doc, code]. Cascades to the server's tools, resources, prompts, per-server API keys, sessions, webhooks and call logs [doc, code]. Not idempotent: a second delete is a 404 `getmcp_not_found` [code]; 500 `getmcp_delete_failed`.

Sends a `DELETE` request to `/wp-json/getmcp/v1/servers/{id}`

Arguments:
- `id`: The UUID of the server; numeric ids are accepted for backwards compatibility [doc].
```ignore
let response = client.getmcp_delete_server()
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_delete_server(&self) -> builder::GetmcpDeleteServer<'_> {
        builder::GetmcpDeleteServer::new(self)
    }
    /**Update Server

Partially update an existing MCP server: all fields optional, only the keys present change [doc]. The body must be sent as `application/json`; WordPress silently ignores a body of another type [run]. Hosts that block PATCH accept POST with `X-HTTP-Method-Override: PATCH` [run].

Sends a `PATCH` request to `/wp-json/getmcp/v1/servers/{id}`

Arguments:
- `id`: The UUID of the server; numeric ids are accepted for backwards compatibility [doc].
- `body`
```ignore
let response = client.getmcp_update_server()
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn getmcp_update_server(&self) -> builder::GetmcpUpdateServer<'_> {
        builder::GetmcpUpdateServer::new(self)
    }
    /**Toggle Server

Flips the status, no body: `active` becomes `paused`, any other status becomes `active`; 200 with the server [doc, code]. docs.getmcp.com documents PATCH, the older docs.getmcp.me POST; PATCH is used, as in the current docs and the code. 500 `getmcp_toggle_failed` [code].

Sends a `PATCH` request to `/wp-json/getmcp/v1/servers/{id}/toggle`

Arguments:
- `id`: The UUID of the server, or its numeric id [doc].
```ignore
let response = client.getmcp_toggle_server()
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_toggle_server(&self) -> builder::GetmcpToggleServer<'_> {
        builder::GetmcpToggleServer::new(self)
    }
    /**Duplicate Server

[code] no vendor page. Copies the server with its tools, resources and prompts, no body; 201 with the copy: name + " (Copy)", status `draft`, a new uuid, slug and `server_id`, and **no credentials**. 500 `getmcp_duplicate_failed`.

Sends a `POST` request to `/wp-json/getmcp/v1/servers/{id}/duplicate`

Arguments:
- `id`: The UUID of the server, or its numeric id [doc].
```ignore
let response = client.getmcp_duplicate_server()
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_duplicate_server(&self) -> builder::GetmcpDuplicateServer<'_> {
        builder::GetmcpDuplicateServer::new(self)
    }
    /**Get Server Credentials

Which credentials a server has, never the secrets themselves [code, run]: the `has_*` flags, the auth types and configs, and (extensions add-on) `authentication_revision`, which an update may send back to fail with 409 `authentication_conflict` if someone changed the credentials meanwhile. The sources disagree: [doc] the update page says this returns the test credentials decoded; the code [code] and what ran [run] return `null` in every `*_credentials` field. Both forms fit the schema.

Sends a `GET` request to `/wp-json/getmcp/v1/servers/{id}/credentials`

Arguments:
- `id`: The UUID of the server, or its numeric id [doc].
```ignore
let response = client.getmcp_get_server_credentials()
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_get_server_credentials(
        &self,
    ) -> builder::GetmcpGetServerCredentials<'_> {
        builder::GetmcpGetServerCredentials::new(self)
    }
    /**List Tools

One page of the server's tools as a bare array, ordered by `sort_order`; the total in `X-WP-Total` [doc]. 404 for an unknown server [doc].

Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/tools`

Arguments:
- `server_id`: The UUID of the server, or its numeric id [doc].
- `page`: Page number, from 1; default 1 [doc].
- `per_page`: Tools per page; default 50 [doc]. [inferred] The 1–100 bounds are WordPress's collection bounds, as on the server list.
- `status`: Only tools with this status; absent lists all [doc].
```ignore
let response = client.getmcp_list_tools()
    .server_id(server_id)
    .page(page)
    .per_page(per_page)
    .status(status)
    .send()
    .await;
```*/
    pub fn getmcp_list_tools(&self) -> builder::GetmcpListTools<'_> {
        builder::GetmcpListTools::new(self)
    }
    /**Create Tool

Creates a tool in the server and answers with it [doc]. The status code is not documented: 200 and 201 are both declared (same body). Fields the body omits take their documented defaults on the server (`http_method` GET, `cache_ttl` 0, `timeout` 30) [doc].

Sends a `POST` request to `/wp-json/getmcp/v1/servers/{server_id}/tools`

Arguments:
- `server_id`: The UUID of the server, or its numeric id [doc].
- `body`
```ignore
let response = client.getmcp_create_tool()
    .server_id(server_id)
    .body(body)
    .send()
    .await;
```*/
    pub fn getmcp_create_tool(&self) -> builder::GetmcpCreateTool<'_> {
        builder::GetmcpCreateTool::new(self)
    }
    /**Get Tool

The tool [doc]. The older docs.getmcp.me page reads it at `/tools/{id}`; the current docs nest it under the server, as used here. 404 when not found [doc].

Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/tools/{id}`

Arguments:
- `server_id`: The UUID of the server, or its numeric id [doc].
- `id`: The UUID of the tool, or its numeric id [doc].
```ignore
let response = client.getmcp_get_tool()
    .server_id(server_id)
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_get_tool(&self) -> builder::GetmcpGetTool<'_> {
        builder::GetmcpGetTool::new(self)
    }
    /**Delete Tool

[inferred] no vendor page; path from the sibling pages (get and update of the same tool). Any 2xx is success and its body is not read (the server delete answers 200 `{"deleted": true}`); an unknown tool is presumably a 404 `getmcp_not_found`.

Sends a `DELETE` request to `/wp-json/getmcp/v1/servers/{server_id}/tools/{id}`

Arguments:
- `server_id`: The UUID of the server, or its numeric id [doc].
- `id`: The UUID of the tool, or its numeric id [doc].
```ignore
let response = client.getmcp_delete_tool()
    .server_id(server_id)
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_delete_tool(&self) -> builder::GetmcpDeleteTool<'_> {
        builder::GetmcpDeleteTool::new(self)
    }
    /**Update Tool

A partial update: every field optional, only those sent change; 200 with the tool [doc].

Sends a `PATCH` request to `/wp-json/getmcp/v1/servers/{server_id}/tools/{id}`

Arguments:
- `server_id`: The UUID of the server, or its numeric id [doc].
- `id`: The UUID of the tool, or its numeric id [doc].
- `body`
```ignore
let response = client.getmcp_update_tool()
    .server_id(server_id)
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn getmcp_update_tool(&self) -> builder::GetmcpUpdateTool<'_> {
        builder::GetmcpUpdateTool::new(self)
    }
    /**List Resources

The server's resources as a bare array, the total in `X-WP-Total` [doc]. [inferred] `per_page` and `page` as on the other lists (the page documents neither).

Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/resources`

Arguments:
- `server_id`: The UUID (preferred) or numeric id of the server [doc].
- `page`: Page number, from 1 [inferred].
- `per_page`: Resources per page [inferred].
```ignore
let response = client.getmcp_list_resources()
    .server_id(server_id)
    .page(page)
    .per_page(per_page)
    .send()
    .await;
```*/
    pub fn getmcp_list_resources(&self) -> builder::GetmcpListResources<'_> {
        builder::GetmcpListResources::new(self)
    }
    /**Create Resource

Creates a resource in the server and answers with it [doc]. The status code is not documented: 200 and 201 are both declared (same body). Omitted `mime_type` is `text/plain`, omitted `data_source_type` is `static` [doc].

Sends a `POST` request to `/wp-json/getmcp/v1/servers/{server_id}/resources`

Arguments:
- `server_id`: The UUID (preferred) or numeric id of the server [doc].
- `body`
```ignore
let response = client.getmcp_create_resource()
    .server_id(server_id)
    .body(body)
    .send()
    .await;
```*/
    pub fn getmcp_create_resource(&self) -> builder::GetmcpCreateResource<'_> {
        builder::GetmcpCreateResource::new(self)
    }
    /**Get Resource

The resource [doc]; 404 when not found [doc].

Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/resources/{id}`

Arguments:
- `server_id`: The UUID (preferred) or numeric id of the server [doc].
- `id`: The numeric id of the resource [doc]; resources carry no UUID.
```ignore
let response = client.getmcp_get_resource()
    .server_id(server_id)
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_get_resource(&self) -> builder::GetmcpGetResource<'_> {
        builder::GetmcpGetResource::new(self)
    }
    /**Delete Resource

[inferred] no vendor page; path from the sibling pages (get and update of the same resource). Any 2xx is success and its body is not read.

Sends a `DELETE` request to `/wp-json/getmcp/v1/servers/{server_id}/resources/{id}`

Arguments:
- `server_id`: The UUID (preferred) or numeric id of the server [doc].
- `id`: The numeric id of the resource [doc]; resources carry no UUID.
```ignore
let response = client.getmcp_delete_resource()
    .server_id(server_id)
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_delete_resource(&self) -> builder::GetmcpDeleteResource<'_> {
        builder::GetmcpDeleteResource::new(self)
    }
    /**Update Resource

A partial update: omitted fields are unchanged; 200 with the resource [doc]. The older docs.getmcp.me page updates with POST; the current docs use PATCH, as here.

Sends a `PATCH` request to `/wp-json/getmcp/v1/servers/{server_id}/resources/{id}`

Arguments:
- `server_id`: The UUID (preferred) or numeric id of the server [doc].
- `id`: The numeric id of the resource [doc]; resources carry no UUID.
- `body`
```ignore
let response = client.getmcp_update_resource()
    .server_id(server_id)
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn getmcp_update_resource(&self) -> builder::GetmcpUpdateResource<'_> {
        builder::GetmcpUpdateResource::new(self)
    }
    /**List Prompts

[inferred] no vendor page; path and bare-array answer from the sibling pages (prompt create and get, the tool and resource lists), paging as on those lists.

Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/prompts`

Arguments:
- `server_id`: The UUID of the server, or its numeric id [doc].
- `page`: Page number, from 1 [inferred].
- `per_page`: Prompts per page [inferred].
```ignore
let response = client.getmcp_list_prompts()
    .server_id(server_id)
    .page(page)
    .per_page(per_page)
    .send()
    .await;
```*/
    pub fn getmcp_list_prompts(&self) -> builder::GetmcpListPrompts<'_> {
        builder::GetmcpListPrompts::new(self)
    }
    /**Create Prompt

Creates a prompt template in the server and answers with it [doc]; `{{arg}}` in `template_content` is replaced by the argument's value. The status code is not documented: 200 and 201 are both declared (same body).

Sends a `POST` request to `/wp-json/getmcp/v1/servers/{server_id}/prompts`

Arguments:
- `server_id`: The UUID of the server, or its numeric id [doc].
- `body`
```ignore
let response = client.getmcp_create_prompt()
    .server_id(server_id)
    .body(body)
    .send()
    .await;
```*/
    pub fn getmcp_create_prompt(&self) -> builder::GetmcpCreatePrompt<'_> {
        builder::GetmcpCreatePrompt::new(self)
    }
    /**Get Prompt

The prompt [doc]; 404 when not found [doc].

Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}`

Arguments:
- `server_id`: The UUID of the server, or its numeric id [doc].
- `id`: The numeric id of the prompt [doc]; prompts carry no UUID.
```ignore
let response = client.getmcp_get_prompt()
    .server_id(server_id)
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_get_prompt(&self) -> builder::GetmcpGetPrompt<'_> {
        builder::GetmcpGetPrompt::new(self)
    }
    /**Delete Prompt

[inferred] no vendor page; path from the sibling pages (get and update of the same prompt). Any 2xx is success and its body is not read.

Sends a `DELETE` request to `/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}`

Arguments:
- `server_id`: The UUID of the server, or its numeric id [doc].
- `id`: The numeric id of the prompt [doc]; prompts carry no UUID.
```ignore
let response = client.getmcp_delete_prompt()
    .server_id(server_id)
    .id(id)
    .send()
    .await;
```*/
    pub fn getmcp_delete_prompt(&self) -> builder::GetmcpDeletePrompt<'_> {
        builder::GetmcpDeletePrompt::new(self)
    }
    /**Update Prompt

A partial update: every field optional, only those sent change; 200 with the prompt [doc]. The older docs.getmcp.me page updates with POST; the current docs use PATCH, as here.

Sends a `PATCH` request to `/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}`

Arguments:
- `server_id`: The UUID of the server, or its numeric id [doc].
- `id`: The numeric id of the prompt [doc]; prompts carry no UUID.
- `body`
```ignore
let response = client.getmcp_update_prompt()
    .server_id(server_id)
    .id(id)
    .body(body)
    .send()
    .await;
```*/
    pub fn getmcp_update_prompt(&self) -> builder::GetmcpUpdatePrompt<'_> {
        builder::GetmcpUpdatePrompt::new(self)
    }
}
/// Types for composing operation parameters.
#[allow(clippy::all)]
pub mod builder {
    use super::types;
    #[allow(unused_imports)]
    use super::{
        encode_path, ByteStream, ClientInfo, ClientHooks, Error, OperationInfo,
        RequestBuilderExt, ResponseValue,
    };
    /**Builder for [`Client::hasmcp_list_servers`]

[`Client::hasmcp_list_servers`]: super::Client::hasmcp_list_servers*/
    #[derive(Debug, Clone)]
    pub struct HasmcpListServers<'a> {
        client: &'a super::Client,
    }
    impl<'a> HasmcpListServers<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/api/v1/servers`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::HasmcpServerList>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client } = self;
            let url = format!("{}/api/v1/servers", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_list_servers",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_create_server`]

[`Client::hasmcp_create_server`]: super::Client::hasmcp_create_server*/
    #[derive(Debug, Clone)]
    pub struct HasmcpCreateServer<'a> {
        client: &'a super::Client,
        body: Result<crate::hasmcp::CreateServerBody, String>,
    }
    impl<'a> HasmcpCreateServer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Err(String::new()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::CreateServerBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: CreateServerBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/api/v1/servers`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ServerEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, body } = self;
            let body = body
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "body was not initialized",
                ))?;
            let url = format!("{}/api/v1/servers", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_create_server",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_get_server`]

[`Client::hasmcp_get_server`]: super::Client::hasmcp_get_server*/
    #[derive(Debug, Clone)]
    pub struct HasmcpGetServer<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
    }
    impl<'a> HasmcpGetServer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/servers/{id}`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ServerEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}", client.baseurl, crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_get_server",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_delete_server`]

[`Client::hasmcp_delete_server`]: super::Client::hasmcp_delete_server*/
    #[derive(Debug, Clone)]
    pub struct HasmcpDeleteServer<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
    }
    impl<'a> HasmcpDeleteServer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/api/v1/servers/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}", client.baseurl, crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_delete_server",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_update_server`]

[`Client::hasmcp_update_server`]: super::Client::hasmcp_update_server*/
    #[derive(Debug, Clone)]
    pub struct HasmcpUpdateServer<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
        body: Result<crate::hasmcp::UpdateServerBody, String>,
    }
    impl<'a> HasmcpUpdateServer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::UpdateServerBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: UpdateServerBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `PATCH` request to `/api/v1/servers/{id}`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ServerEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "body was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}", client.baseurl, crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_update_server",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_list_server_tools`]

[`Client::hasmcp_list_server_tools`]: super::Client::hasmcp_list_server_tools*/
    #[derive(Debug, Clone)]
    pub struct HasmcpListServerTools<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
    }
    impl<'a> HasmcpListServerTools<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/servers/{id}/tools`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::HasmcpServerToolLinkList>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}/tools", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_list_server_tools",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_attach_tool`]

[`Client::hasmcp_attach_tool`]: super::Client::hasmcp_attach_tool*/
    #[derive(Debug, Clone)]
    pub struct HasmcpAttachTool<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
        body: Result<types::builder::HasmcpAttachToolRequest, String>,
    }
    impl<'a> HasmcpAttachTool<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpAttachToolRequest>,
            <V as std::convert::TryInto<
                types::HasmcpAttachToolRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpAttachToolRequest` for body failed: {}", s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpAttachToolRequest,
            ) -> types::builder::HasmcpAttachToolRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/api/v1/servers/{id}/tools`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::HasmcpServerToolLinkEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .and_then(|v| {
                    types::HasmcpAttachToolRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/api/v1/servers/{}/tools", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_attach_tool",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_detach_tool`]

[`Client::hasmcp_detach_tool`]: super::Client::hasmcp_detach_tool*/
    #[derive(Debug, Clone)]
    pub struct HasmcpDetachTool<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
        tool_id: Result<crate::hasmcp::ToolId, String>,
    }
    impl<'a> HasmcpDetachTool<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                tool_id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn tool_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ToolId>,
        {
            self.tool_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ToolId` for tool_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/api/v1/servers/{id}/tools/{toolID}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id, tool_id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let tool_id = tool_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "tool_id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}/tools/{}", client.baseurl, crate
                ::transport::PathSegment(& id), crate ::transport::PathSegment(&
                tool_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_detach_tool",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_list_server_resources`]

[`Client::hasmcp_list_server_resources`]: super::Client::hasmcp_list_server_resources*/
    #[derive(Debug, Clone)]
    pub struct HasmcpListServerResources<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
    }
    impl<'a> HasmcpListServerResources<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/servers/{id}/resources`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::HasmcpServerResourceLinkList>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}/resources", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_list_server_resources",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_attach_resource`]

[`Client::hasmcp_attach_resource`]: super::Client::hasmcp_attach_resource*/
    #[derive(Debug, Clone)]
    pub struct HasmcpAttachResource<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
        body: Result<types::builder::HasmcpAttachResourceRequest, String>,
    }
    impl<'a> HasmcpAttachResource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpAttachResourceRequest>,
            <V as std::convert::TryInto<
                types::HasmcpAttachResourceRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpAttachResourceRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpAttachResourceRequest,
            ) -> types::builder::HasmcpAttachResourceRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/api/v1/servers/{id}/resources`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::HasmcpServerResourceLinkEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .and_then(|v| {
                    types::HasmcpAttachResourceRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/api/v1/servers/{}/resources", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_attach_resource",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_detach_resource`]

[`Client::hasmcp_detach_resource`]: super::Client::hasmcp_detach_resource*/
    #[derive(Debug, Clone)]
    pub struct HasmcpDetachResource<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
        resource_id: Result<crate::hasmcp::ResourceId, String>,
    }
    impl<'a> HasmcpDetachResource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                resource_id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn resource_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ResourceId>,
        {
            self.resource_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ResourceId` for resource_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/api/v1/servers/{id}/resources/{resourceID}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id, resource_id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let resource_id = resource_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "resource_id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}/resources/{}", client.baseurl, crate
                ::transport::PathSegment(& id), crate ::transport::PathSegment(&
                resource_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_detach_resource",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_list_server_prompts`]

[`Client::hasmcp_list_server_prompts`]: super::Client::hasmcp_list_server_prompts*/
    #[derive(Debug, Clone)]
    pub struct HasmcpListServerPrompts<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
    }
    impl<'a> HasmcpListServerPrompts<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/servers/{id}/prompts`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::HasmcpServerPromptLinkList>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}/prompts", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_list_server_prompts",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_attach_prompt`]

[`Client::hasmcp_attach_prompt`]: super::Client::hasmcp_attach_prompt*/
    #[derive(Debug, Clone)]
    pub struct HasmcpAttachPrompt<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
        body: Result<types::builder::HasmcpAttachPromptRequest, String>,
    }
    impl<'a> HasmcpAttachPrompt<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpAttachPromptRequest>,
            <V as std::convert::TryInto<
                types::HasmcpAttachPromptRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpAttachPromptRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpAttachPromptRequest,
            ) -> types::builder::HasmcpAttachPromptRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/api/v1/servers/{id}/prompts`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::HasmcpServerPromptLinkEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .and_then(|v| {
                    types::HasmcpAttachPromptRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/api/v1/servers/{}/prompts", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_attach_prompt",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_detach_prompt`]

[`Client::hasmcp_detach_prompt`]: super::Client::hasmcp_detach_prompt*/
    #[derive(Debug, Clone)]
    pub struct HasmcpDetachPrompt<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
        prompt_id: Result<crate::hasmcp::PromptId, String>,
    }
    impl<'a> HasmcpDetachPrompt<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                prompt_id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn prompt_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::PromptId>,
        {
            self.prompt_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: PromptId` for prompt_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/api/v1/servers/{id}/prompts/{promptID}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id, prompt_id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let prompt_id = prompt_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "prompt_id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}/prompts/{}", client.baseurl, crate
                ::transport::PathSegment(& id), crate ::transport::PathSegment(&
                prompt_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_detach_prompt",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_list_server_tokens`]

[`Client::hasmcp_list_server_tokens`]: super::Client::hasmcp_list_server_tokens*/
    #[derive(Debug, Clone)]
    pub struct HasmcpListServerTokens<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
    }
    impl<'a> HasmcpListServerTokens<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/servers/{id}/tokens`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::HasmcpServerTokenList>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}/tokens", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_list_server_tokens",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_create_server_token`]

[`Client::hasmcp_create_server_token`]: super::Client::hasmcp_create_server_token*/
    #[derive(Debug, Clone)]
    pub struct HasmcpCreateServerToken<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
        body: Result<types::builder::HasmcpCreateServerTokenRequest, String>,
    }
    impl<'a> HasmcpCreateServerToken<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpCreateServerTokenRequest>,
            <V as std::convert::TryInto<
                types::HasmcpCreateServerTokenRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpCreateServerTokenRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpCreateServerTokenRequest,
            ) -> types::builder::HasmcpCreateServerTokenRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/api/v1/servers/{id}/tokens`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<types::HasmcpServerTokenEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .and_then(|v| {
                    types::HasmcpCreateServerTokenRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/api/v1/servers/{}/tokens", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_create_server_token",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_revoke_server_token`]

[`Client::hasmcp_revoke_server_token`]: super::Client::hasmcp_revoke_server_token*/
    #[derive(Debug, Clone)]
    pub struct HasmcpRevokeServerToken<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ServerId, String>,
        token_id: Result<crate::hasmcp::TokenId, String>,
    }
    impl<'a> HasmcpRevokeServerToken<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                token_id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ServerId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ServerId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn token_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::TokenId>,
        {
            self.token_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: TokenId` for token_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/api/v1/servers/{id}/tokens/{tokenID}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id, token_id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let token_id = token_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "token_id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/servers/{}/tokens/{}", client.baseurl, crate
                ::transport::PathSegment(& id), crate ::transport::PathSegment(&
                token_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_revoke_server_token",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_list_providers`]

[`Client::hasmcp_list_providers`]: super::Client::hasmcp_list_providers*/
    #[derive(Debug, Clone)]
    pub struct HasmcpListProviders<'a> {
        client: &'a super::Client,
        api_type: Result<Option<::std::string::String>, String>,
        base_url_contains: Result<Option<::std::string::String>, String>,
        limit: Result<Option<::std::num::NonZeroU32>, String>,
        name_contains: Result<Option<::std::string::String>, String>,
        token: Result<Option<::std::string::String>, String>,
        visibility: Result<Option<::std::string::String>, String>,
    }
    impl<'a> HasmcpListProviders<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                api_type: Ok(None),
                base_url_contains: Ok(None),
                limit: Ok(None),
                name_contains: Ok(None),
                token: Ok(None),
                visibility: Ok(None),
            }
        }
        pub fn api_type<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.api_type = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for api_type failed"
                        .to_string()
                });
            self
        }
        pub fn base_url_contains<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.base_url_contains = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for base_url_contains failed"
                        .to_string()
                });
            self
        }
        pub fn limit<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU32>,
        {
            self.limit = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU32` for limit failed"
                        .to_string()
                });
            self
        }
        pub fn name_contains<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.name_contains = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for name_contains failed"
                        .to_string()
                });
            self
        }
        pub fn token<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.token = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for token failed"
                        .to_string()
                });
            self
        }
        pub fn visibility<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.visibility = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for visibility failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/providers`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ProviderList>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self {
                client,
                api_type,
                base_url_contains,
                limit,
                name_contains,
                token,
                visibility,
            } = self;
            let api_type = api_type
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "api_type was not initialized",
                ))?;
            let base_url_contains = base_url_contains
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "base_url_contains was not initialized",
                ))?;
            let limit = limit
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "limit was not initialized",
                ))?;
            let name_contains = name_contains
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "name_contains was not initialized",
                ))?;
            let token = token
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "token was not initialized",
                ))?;
            let visibility = visibility
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "visibility was not initialized",
                ))?;
            let url = format!("{}/api/v1/providers", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("apiType", &api_type))
                .query(
                    &progenitor_client::QueryParam::new(
                        "baseURLContains",
                        &base_url_contains,
                    ),
                )
                .query(&progenitor_client::QueryParam::new("limit", &limit))
                .query(
                    &progenitor_client::QueryParam::new("nameContains", &name_contains),
                )
                .query(&progenitor_client::QueryParam::new("token", &token))
                .query(&progenitor_client::QueryParam::new("visibility", &visibility))
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_list_providers",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_create_provider`]

[`Client::hasmcp_create_provider`]: super::Client::hasmcp_create_provider*/
    #[derive(Debug, Clone)]
    pub struct HasmcpCreateProvider<'a> {
        client: &'a super::Client,
        body: Result<types::builder::HasmcpCreateProviderRequest, String>,
    }
    impl<'a> HasmcpCreateProvider<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpCreateProviderRequest>,
            <V as std::convert::TryInto<
                types::HasmcpCreateProviderRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpCreateProviderRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpCreateProviderRequest,
            ) -> types::builder::HasmcpCreateProviderRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/api/v1/providers`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ProviderEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::HasmcpCreateProviderRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/api/v1/providers", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_create_provider",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_get_provider`]

[`Client::hasmcp_get_provider`]: super::Client::hasmcp_get_provider*/
    #[derive(Debug, Clone)]
    pub struct HasmcpGetProvider<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ProviderId, String>,
    }
    impl<'a> HasmcpGetProvider<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ProviderId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ProviderId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/providers/{id}`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ProviderEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/providers/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_get_provider",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_delete_provider`]

[`Client::hasmcp_delete_provider`]: super::Client::hasmcp_delete_provider*/
    #[derive(Debug, Clone)]
    pub struct HasmcpDeleteProvider<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ProviderId, String>,
    }
    impl<'a> HasmcpDeleteProvider<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ProviderId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ProviderId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/api/v1/providers/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/providers/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_delete_provider",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_update_provider`]

[`Client::hasmcp_update_provider`]: super::Client::hasmcp_update_provider*/
    #[derive(Debug, Clone)]
    pub struct HasmcpUpdateProvider<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ProviderId, String>,
        body: Result<types::builder::HasmcpUpdateProviderRequest, String>,
    }
    impl<'a> HasmcpUpdateProvider<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ProviderId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ProviderId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpUpdateProviderRequest>,
            <V as std::convert::TryInto<
                types::HasmcpUpdateProviderRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpUpdateProviderRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpUpdateProviderRequest,
            ) -> types::builder::HasmcpUpdateProviderRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PATCH` request to `/api/v1/providers/{id}`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ProviderEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .and_then(|v| {
                    types::HasmcpUpdateProviderRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/api/v1/providers/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_update_provider",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_list_provider_tools`]

[`Client::hasmcp_list_provider_tools`]: super::Client::hasmcp_list_provider_tools*/
    #[derive(Debug, Clone)]
    pub struct HasmcpListProviderTools<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ProviderId, String>,
    }
    impl<'a> HasmcpListProviderTools<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ProviderId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ProviderId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/providers/{id}/tools`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ToolList>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/providers/{}/tools", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_list_provider_tools",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_create_provider_tool`]

[`Client::hasmcp_create_provider_tool`]: super::Client::hasmcp_create_provider_tool*/
    #[derive(Debug, Clone)]
    pub struct HasmcpCreateProviderTool<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ProviderId, String>,
        body: Result<types::builder::HasmcpCreateProviderToolRequest, String>,
    }
    impl<'a> HasmcpCreateProviderTool<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ProviderId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ProviderId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpCreateProviderToolRequest>,
            <V as std::convert::TryInto<
                types::HasmcpCreateProviderToolRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpCreateProviderToolRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpCreateProviderToolRequest,
            ) -> types::builder::HasmcpCreateProviderToolRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/api/v1/providers/{id}/tools`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ToolEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .and_then(|v| {
                    types::HasmcpCreateProviderToolRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/api/v1/providers/{}/tools", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_create_provider_tool",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_get_provider_tool`]

[`Client::hasmcp_get_provider_tool`]: super::Client::hasmcp_get_provider_tool*/
    #[derive(Debug, Clone)]
    pub struct HasmcpGetProviderTool<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ProviderId, String>,
        tool_id: Result<crate::hasmcp::ToolId, String>,
    }
    impl<'a> HasmcpGetProviderTool<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                tool_id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ProviderId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ProviderId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn tool_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ToolId>,
        {
            self.tool_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ToolId` for tool_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/providers/{id}/tools/{toolID}`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ToolEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id, tool_id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let tool_id = tool_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "tool_id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/providers/{}/tools/{}", client.baseurl, crate
                ::transport::PathSegment(& id), crate ::transport::PathSegment(&
                tool_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_get_provider_tool",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_delete_provider_tool`]

[`Client::hasmcp_delete_provider_tool`]: super::Client::hasmcp_delete_provider_tool*/
    #[derive(Debug, Clone)]
    pub struct HasmcpDeleteProviderTool<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ProviderId, String>,
        tool_id: Result<crate::hasmcp::ToolId, String>,
    }
    impl<'a> HasmcpDeleteProviderTool<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                tool_id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ProviderId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ProviderId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn tool_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ToolId>,
        {
            self.tool_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ToolId` for tool_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/api/v1/providers/{id}/tools/{toolID}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id, tool_id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let tool_id = tool_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "tool_id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/providers/{}/tools/{}", client.baseurl, crate
                ::transport::PathSegment(& id), crate ::transport::PathSegment(&
                tool_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_delete_provider_tool",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_update_provider_tool`]

[`Client::hasmcp_update_provider_tool`]: super::Client::hasmcp_update_provider_tool*/
    #[derive(Debug, Clone)]
    pub struct HasmcpUpdateProviderTool<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ProviderId, String>,
        tool_id: Result<crate::hasmcp::ToolId, String>,
        body: Result<types::builder::HasmcpUpdateProviderToolRequest, String>,
    }
    impl<'a> HasmcpUpdateProviderTool<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                tool_id: Err(String::new()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ProviderId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ProviderId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn tool_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ToolId>,
        {
            self.tool_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ToolId` for tool_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpUpdateProviderToolRequest>,
            <V as std::convert::TryInto<
                types::HasmcpUpdateProviderToolRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpUpdateProviderToolRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpUpdateProviderToolRequest,
            ) -> types::builder::HasmcpUpdateProviderToolRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PATCH` request to `/api/v1/providers/{id}/tools/{toolID}`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ToolEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id, tool_id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let tool_id = tool_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "tool_id was not initialized",
                ))?;
            let body = body
                .and_then(|v| {
                    types::HasmcpUpdateProviderToolRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/api/v1/providers/{}/tools/{}", client.baseurl, crate
                ::transport::PathSegment(& id), crate ::transport::PathSegment(&
                tool_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_update_provider_tool",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_list_variables`]

[`Client::hasmcp_list_variables`]: super::Client::hasmcp_list_variables*/
    #[derive(Debug, Clone)]
    pub struct HasmcpListVariables<'a> {
        client: &'a super::Client,
    }
    impl<'a> HasmcpListVariables<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/api/v1/variables`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::VariableList>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client } = self;
            let url = format!("{}/api/v1/variables", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_list_variables",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_create_variable`]

[`Client::hasmcp_create_variable`]: super::Client::hasmcp_create_variable*/
    #[derive(Debug, Clone)]
    pub struct HasmcpCreateVariable<'a> {
        client: &'a super::Client,
        body: Result<types::builder::HasmcpCreateVariableRequest, String>,
    }
    impl<'a> HasmcpCreateVariable<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpCreateVariableRequest>,
            <V as std::convert::TryInto<
                types::HasmcpCreateVariableRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpCreateVariableRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpCreateVariableRequest,
            ) -> types::builder::HasmcpCreateVariableRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/api/v1/variables`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::VariableEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::HasmcpCreateVariableRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/api/v1/variables", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_create_variable",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_delete_variable`]

[`Client::hasmcp_delete_variable`]: super::Client::hasmcp_delete_variable*/
    #[derive(Debug, Clone)]
    pub struct HasmcpDeleteVariable<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::VariableId, String>,
    }
    impl<'a> HasmcpDeleteVariable<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::VariableId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: VariableId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/api/v1/variables/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/variables/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_delete_variable",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_update_variable`]

[`Client::hasmcp_update_variable`]: super::Client::hasmcp_update_variable*/
    #[derive(Debug, Clone)]
    pub struct HasmcpUpdateVariable<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::VariableId, String>,
        body: Result<types::builder::HasmcpUpdateVariableRequest, String>,
    }
    impl<'a> HasmcpUpdateVariable<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::VariableId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: VariableId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpUpdateVariableRequest>,
            <V as std::convert::TryInto<
                types::HasmcpUpdateVariableRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpUpdateVariableRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpUpdateVariableRequest,
            ) -> types::builder::HasmcpUpdateVariableRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PATCH` request to `/api/v1/variables/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .and_then(|v| {
                    types::HasmcpUpdateVariableRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/api/v1/variables/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_update_variable",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => Ok(crate::transport::empty(response)),
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_list_resources`]

[`Client::hasmcp_list_resources`]: super::Client::hasmcp_list_resources*/
    #[derive(Debug, Clone)]
    pub struct HasmcpListResources<'a> {
        client: &'a super::Client,
    }
    impl<'a> HasmcpListResources<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/api/v1/resources`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ResourceList>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client } = self;
            let url = format!("{}/api/v1/resources", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_list_resources",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_create_resource`]

[`Client::hasmcp_create_resource`]: super::Client::hasmcp_create_resource*/
    #[derive(Debug, Clone)]
    pub struct HasmcpCreateResource<'a> {
        client: &'a super::Client,
        body: Result<types::builder::HasmcpCreateResourceRequest, String>,
    }
    impl<'a> HasmcpCreateResource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpCreateResourceRequest>,
            <V as std::convert::TryInto<
                types::HasmcpCreateResourceRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpCreateResourceRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpCreateResourceRequest,
            ) -> types::builder::HasmcpCreateResourceRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/api/v1/resources`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ResourceEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::HasmcpCreateResourceRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/api/v1/resources", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_create_resource",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_get_resource`]

[`Client::hasmcp_get_resource`]: super::Client::hasmcp_get_resource*/
    #[derive(Debug, Clone)]
    pub struct HasmcpGetResource<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ResourceId, String>,
    }
    impl<'a> HasmcpGetResource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ResourceId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ResourceId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/resources/{id}`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::ResourceEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/resources/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_get_resource",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_delete_resource`]

[`Client::hasmcp_delete_resource`]: super::Client::hasmcp_delete_resource*/
    #[derive(Debug, Clone)]
    pub struct HasmcpDeleteResource<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ResourceId, String>,
    }
    impl<'a> HasmcpDeleteResource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ResourceId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ResourceId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/api/v1/resources/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/resources/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_delete_resource",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_update_resource`]

[`Client::hasmcp_update_resource`]: super::Client::hasmcp_update_resource*/
    #[derive(Debug, Clone)]
    pub struct HasmcpUpdateResource<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::ResourceId, String>,
        body: Result<types::builder::HasmcpUpdateResourceRequest, String>,
    }
    impl<'a> HasmcpUpdateResource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::ResourceId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: ResourceId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpUpdateResourceRequest>,
            <V as std::convert::TryInto<
                types::HasmcpUpdateResourceRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpUpdateResourceRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpUpdateResourceRequest,
            ) -> types::builder::HasmcpUpdateResourceRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PATCH` request to `/api/v1/resources/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .and_then(|v| {
                    types::HasmcpUpdateResourceRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/api/v1/resources/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_update_resource",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => Ok(crate::transport::empty(response)),
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_list_prompts`]

[`Client::hasmcp_list_prompts`]: super::Client::hasmcp_list_prompts*/
    #[derive(Debug, Clone)]
    pub struct HasmcpListPrompts<'a> {
        client: &'a super::Client,
    }
    impl<'a> HasmcpListPrompts<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/api/v1/prompts`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::PromptList>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client } = self;
            let url = format!("{}/api/v1/prompts", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_list_prompts",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_create_prompt`]

[`Client::hasmcp_create_prompt`]: super::Client::hasmcp_create_prompt*/
    #[derive(Debug, Clone)]
    pub struct HasmcpCreatePrompt<'a> {
        client: &'a super::Client,
        body: Result<types::builder::HasmcpCreatePromptRequest, String>,
    }
    impl<'a> HasmcpCreatePrompt<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpCreatePromptRequest>,
            <V as std::convert::TryInto<
                types::HasmcpCreatePromptRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpCreatePromptRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpCreatePromptRequest,
            ) -> types::builder::HasmcpCreatePromptRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/api/v1/prompts`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::PromptEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::HasmcpCreatePromptRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/api/v1/prompts", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_create_prompt",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_get_prompt`]

[`Client::hasmcp_get_prompt`]: super::Client::hasmcp_get_prompt*/
    #[derive(Debug, Clone)]
    pub struct HasmcpGetPrompt<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::PromptId, String>,
    }
    impl<'a> HasmcpGetPrompt<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::PromptId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: PromptId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/api/v1/prompts/{id}`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::hasmcp::PromptEnvelope>,
            Error<types::HasmcpErrorBody>,
        > {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/prompts/{}", client.baseurl, crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_get_prompt",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_delete_prompt`]

[`Client::hasmcp_delete_prompt`]: super::Client::hasmcp_delete_prompt*/
    #[derive(Debug, Clone)]
    pub struct HasmcpDeletePrompt<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::PromptId, String>,
    }
    impl<'a> HasmcpDeletePrompt<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::PromptId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: PromptId` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/api/v1/prompts/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/api/v1/prompts/{}", client.baseurl, crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_delete_prompt",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::hasmcp_update_prompt`]

[`Client::hasmcp_update_prompt`]: super::Client::hasmcp_update_prompt*/
    #[derive(Debug, Clone)]
    pub struct HasmcpUpdatePrompt<'a> {
        client: &'a super::Client,
        id: Result<crate::hasmcp::PromptId, String>,
        body: Result<types::builder::HasmcpUpdatePromptRequest, String>,
    }
    impl<'a> HasmcpUpdatePrompt<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::hasmcp::PromptId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: hasmcp :: PromptId` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::HasmcpUpdatePromptRequest>,
            <V as std::convert::TryInto<
                types::HasmcpUpdatePromptRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `HasmcpUpdatePromptRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::HasmcpUpdatePromptRequest,
            ) -> types::builder::HasmcpUpdatePromptRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PATCH` request to `/api/v1/prompts/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<()>, Error<types::HasmcpErrorBody>> {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .and_then(|v| {
                    types::HasmcpUpdatePromptRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/api/v1/prompts/{}", client.baseurl, crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "hasmcp_update_prompt",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_list_servers`]

[`Client::getmcp_list_servers`]: super::Client::getmcp_list_servers*/
    #[derive(Debug, Clone)]
    pub struct GetmcpListServers<'a> {
        client: &'a super::Client,
        order: Result<Option<crate::getmcp::SortOrder>, String>,
        orderby: Result<Option<crate::getmcp::ServerOrderBy>, String>,
        page: Result<Option<::std::num::NonZeroU64>, String>,
        per_page: Result<Option<::std::num::NonZeroU64>, String>,
        search: Result<Option<::std::string::String>, String>,
        status: Result<Option<crate::getmcp::ServerStatus>, String>,
    }
    impl<'a> GetmcpListServers<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                order: Ok(None),
                orderby: Ok(None),
                page: Ok(None),
                per_page: Ok(None),
                search: Ok(None),
                status: Ok(None),
            }
        }
        pub fn order<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::SortOrder>,
        {
            self.order = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: SortOrder` for order failed"
                        .to_string()
                });
            self
        }
        pub fn orderby<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerOrderBy>,
        {
            self.orderby = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerOrderBy` for orderby failed"
                        .to_string()
                });
            self
        }
        pub fn page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page failed"
                        .to_string()
                });
            self
        }
        pub fn per_page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.per_page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for per_page failed"
                        .to_string()
                });
            self
        }
        pub fn search<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.search = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for search failed"
                        .to_string()
                });
            self
        }
        pub fn status<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerStatus>,
        {
            self.status = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerStatus` for status failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/wp-json/getmcp/v1/servers`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<crate::getmcp::Server>>,
            Error<types::WpError>,
        > {
            let Self { client, order, orderby, page, per_page, search, status } = self;
            let order = order
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "order was not initialized",
                ))?;
            let orderby = orderby
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "orderby was not initialized",
                ))?;
            let page = page
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "page was not initialized",
                ))?;
            let per_page = per_page
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "per_page was not initialized",
                ))?;
            let search = search
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "search was not initialized",
                ))?;
            let status = status
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "status was not initialized",
                ))?;
            let url = format!("{}/wp-json/getmcp/v1/servers", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("order", &order))
                .query(&progenitor_client::QueryParam::new("orderby", &orderby))
                .query(&progenitor_client::QueryParam::new("page", &page))
                .query(&progenitor_client::QueryParam::new("per_page", &per_page))
                .query(&progenitor_client::QueryParam::new("search", &search))
                .query(&progenitor_client::QueryParam::new("status", &status))
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_list_servers",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_create_server`]

[`Client::getmcp_create_server`]: super::Client::getmcp_create_server*/
    #[derive(Debug, Clone)]
    pub struct GetmcpCreateServer<'a> {
        client: &'a super::Client,
        body: Result<crate::getmcp::CreateServerBody, String>,
    }
    impl<'a> GetmcpCreateServer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Err(String::new()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::CreateServerBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: CreateServerBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/wp-json/getmcp/v1/servers`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Server>, Error<types::WpError>> {
            let Self { client, body } = self;
            let body = body
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "body was not initialized",
                ))?;
            let url = format!("{}/wp-json/getmcp/v1/servers", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_create_server",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_get_server`]

[`Client::getmcp_get_server`]: super::Client::getmcp_get_server*/
    #[derive(Debug, Clone)]
    pub struct GetmcpGetServer<'a> {
        client: &'a super::Client,
        id: Result<crate::getmcp::ServerRef, String>,
    }
    impl<'a> GetmcpGetServer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/wp-json/getmcp/v1/servers/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Server>, Error<types::WpError>> {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_get_server",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_delete_server`]

[`Client::getmcp_delete_server`]: super::Client::getmcp_delete_server*/
    #[derive(Debug, Clone)]
    pub struct GetmcpDeleteServer<'a> {
        client: &'a super::Client,
        id: Result<crate::getmcp::ServerRef, String>,
    }
    impl<'a> GetmcpDeleteServer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/wp-json/getmcp/v1/servers/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::GetmcpDeleted>, Error<types::WpError>> {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_delete_server",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_update_server`]

[`Client::getmcp_update_server`]: super::Client::getmcp_update_server*/
    #[derive(Debug, Clone)]
    pub struct GetmcpUpdateServer<'a> {
        client: &'a super::Client,
        id: Result<crate::getmcp::ServerRef, String>,
        body: Result<crate::getmcp::UpdateServerBody, String>,
    }
    impl<'a> GetmcpUpdateServer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
                body: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::UpdateServerBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: UpdateServerBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `PATCH` request to `/wp-json/getmcp/v1/servers/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Server>, Error<types::WpError>> {
            let Self { client, id, body } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "body was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_update_server",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_toggle_server`]

[`Client::getmcp_toggle_server`]: super::Client::getmcp_toggle_server*/
    #[derive(Debug, Clone)]
    pub struct GetmcpToggleServer<'a> {
        client: &'a super::Client,
        id: Result<crate::getmcp::ServerRef, String>,
    }
    impl<'a> GetmcpToggleServer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `PATCH` request to `/wp-json/getmcp/v1/servers/{id}/toggle`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Server>, Error<types::WpError>> {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/toggle", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_toggle_server",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_duplicate_server`]

[`Client::getmcp_duplicate_server`]: super::Client::getmcp_duplicate_server*/
    #[derive(Debug, Clone)]
    pub struct GetmcpDuplicateServer<'a> {
        client: &'a super::Client,
        id: Result<crate::getmcp::ServerRef, String>,
    }
    impl<'a> GetmcpDuplicateServer<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/wp-json/getmcp/v1/servers/{id}/duplicate`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Server>, Error<types::WpError>> {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/duplicate", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_duplicate_server",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_get_server_credentials`]

[`Client::getmcp_get_server_credentials`]: super::Client::getmcp_get_server_credentials*/
    #[derive(Debug, Clone)]
    pub struct GetmcpGetServerCredentials<'a> {
        client: &'a super::Client,
        id: Result<crate::getmcp::ServerRef, String>,
    }
    impl<'a> GetmcpGetServerCredentials<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err(String::new()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/wp-json/getmcp/v1/servers/{id}/credentials`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<crate::getmcp::CredentialsStatus>,
            Error<types::WpError>,
        > {
            let Self { client, id } = self;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/credentials", client.baseurl, crate
                ::transport::PathSegment(& id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_get_server_credentials",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_list_tools`]

[`Client::getmcp_list_tools`]: super::Client::getmcp_list_tools*/
    #[derive(Debug, Clone)]
    pub struct GetmcpListTools<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        page: Result<Option<::std::num::NonZeroU64>, String>,
        per_page: Result<Option<::std::num::NonZeroU64>, String>,
        status: Result<Option<crate::getmcp::ToolStatus>, String>,
    }
    impl<'a> GetmcpListTools<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                page: Ok(None),
                per_page: Ok(None),
                status: Ok(None),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page failed"
                        .to_string()
                });
            self
        }
        pub fn per_page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.per_page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for per_page failed"
                        .to_string()
                });
            self
        }
        pub fn status<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ToolStatus>,
        {
            self.status = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ToolStatus` for status failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/tools`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<crate::getmcp::Tool>>,
            Error<types::WpError>,
        > {
            let Self { client, server_id, page, per_page, status } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let page = page
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "page was not initialized",
                ))?;
            let per_page = per_page
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "per_page was not initialized",
                ))?;
            let status = status
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "status was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/tools", client.baseurl, crate
                ::transport::PathSegment(& server_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("page", &page))
                .query(&progenitor_client::QueryParam::new("per_page", &per_page))
                .query(&progenitor_client::QueryParam::new("status", &status))
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_list_tools",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_create_tool`]

[`Client::getmcp_create_tool`]: super::Client::getmcp_create_tool*/
    #[derive(Debug, Clone)]
    pub struct GetmcpCreateTool<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        body: Result<crate::getmcp::ToolBody, String>,
    }
    impl<'a> GetmcpCreateTool<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                body: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ToolBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ToolBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/wp-json/getmcp/v1/servers/{server_id}/tools`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Tool>, Error<types::WpError>> {
            let Self { client, server_id, body } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let body = body
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "body was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/tools", client.baseurl, crate
                ::transport::PathSegment(& server_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_create_tool",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_get_tool`]

[`Client::getmcp_get_tool`]: super::Client::getmcp_get_tool*/
    #[derive(Debug, Clone)]
    pub struct GetmcpGetTool<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        id: Result<crate::getmcp::ToolRef, String>,
    }
    impl<'a> GetmcpGetTool<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                id: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ToolRef>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ToolRef` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/tools/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Tool>, Error<types::WpError>> {
            let Self { client, server_id, id } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/tools/{}", client.baseurl, crate
                ::transport::PathSegment(& server_id), crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_get_tool",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_delete_tool`]

[`Client::getmcp_delete_tool`]: super::Client::getmcp_delete_tool*/
    #[derive(Debug, Clone)]
    pub struct GetmcpDeleteTool<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        id: Result<crate::getmcp::ToolRef, String>,
    }
    impl<'a> GetmcpDeleteTool<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                id: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ToolRef>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ToolRef` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/wp-json/getmcp/v1/servers/{server_id}/tools/{id}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<types::WpError>> {
            let Self { client, server_id, id } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/tools/{}", client.baseurl, crate
                ::transport::PathSegment(& server_id), crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_delete_tool",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_update_tool`]

[`Client::getmcp_update_tool`]: super::Client::getmcp_update_tool*/
    #[derive(Debug, Clone)]
    pub struct GetmcpUpdateTool<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        id: Result<crate::getmcp::ToolRef, String>,
        body: Result<crate::getmcp::ToolBody, String>,
    }
    impl<'a> GetmcpUpdateTool<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                id: Err(String::new()),
                body: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ToolRef>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ToolRef` for id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ToolBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ToolBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `PATCH` request to `/wp-json/getmcp/v1/servers/{server_id}/tools/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Tool>, Error<types::WpError>> {
            let Self { client, server_id, id, body } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "body was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/tools/{}", client.baseurl, crate
                ::transport::PathSegment(& server_id), crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_update_tool",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_list_resources`]

[`Client::getmcp_list_resources`]: super::Client::getmcp_list_resources*/
    #[derive(Debug, Clone)]
    pub struct GetmcpListResources<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        page: Result<Option<::std::num::NonZeroU64>, String>,
        per_page: Result<Option<::std::num::NonZeroU64>, String>,
    }
    impl<'a> GetmcpListResources<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                page: Ok(None),
                per_page: Ok(None),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page failed"
                        .to_string()
                });
            self
        }
        pub fn per_page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.per_page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for per_page failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/resources`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<crate::getmcp::Resource>>,
            Error<types::WpError>,
        > {
            let Self { client, server_id, page, per_page } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let page = page
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "page was not initialized",
                ))?;
            let per_page = per_page
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "per_page was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/resources", client.baseurl, crate
                ::transport::PathSegment(& server_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("page", &page))
                .query(&progenitor_client::QueryParam::new("per_page", &per_page))
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_list_resources",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_create_resource`]

[`Client::getmcp_create_resource`]: super::Client::getmcp_create_resource*/
    #[derive(Debug, Clone)]
    pub struct GetmcpCreateResource<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        body: Result<crate::getmcp::ResourceBody, String>,
    }
    impl<'a> GetmcpCreateResource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                body: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ResourceBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ResourceBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/wp-json/getmcp/v1/servers/{server_id}/resources`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Resource>, Error<types::WpError>> {
            let Self { client, server_id, body } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let body = body
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "body was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/resources", client.baseurl, crate
                ::transport::PathSegment(& server_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_create_resource",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_get_resource`]

[`Client::getmcp_get_resource`]: super::Client::getmcp_get_resource*/
    #[derive(Debug, Clone)]
    pub struct GetmcpGetResource<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        id: Result<types::GetmcpResourceId, String>,
    }
    impl<'a> GetmcpGetResource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                id: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::GetmcpResourceId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `GetmcpResourceId` for id failed".to_string()
                });
            self
        }
        ///Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/resources/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Resource>, Error<types::WpError>> {
            let Self { client, server_id, id } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/resources/{}", client.baseurl, crate
                ::transport::PathSegment(& server_id), crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_get_resource",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_delete_resource`]

[`Client::getmcp_delete_resource`]: super::Client::getmcp_delete_resource*/
    #[derive(Debug, Clone)]
    pub struct GetmcpDeleteResource<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        id: Result<types::GetmcpResourceId, String>,
    }
    impl<'a> GetmcpDeleteResource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                id: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::GetmcpResourceId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `GetmcpResourceId` for id failed".to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/wp-json/getmcp/v1/servers/{server_id}/resources/{id}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<types::WpError>> {
            let Self { client, server_id, id } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/resources/{}", client.baseurl, crate
                ::transport::PathSegment(& server_id), crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_delete_resource",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_update_resource`]

[`Client::getmcp_update_resource`]: super::Client::getmcp_update_resource*/
    #[derive(Debug, Clone)]
    pub struct GetmcpUpdateResource<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        id: Result<types::GetmcpResourceId, String>,
        body: Result<crate::getmcp::ResourceBody, String>,
    }
    impl<'a> GetmcpUpdateResource<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                id: Err(String::new()),
                body: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::GetmcpResourceId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `GetmcpResourceId` for id failed".to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ResourceBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ResourceBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `PATCH` request to `/wp-json/getmcp/v1/servers/{server_id}/resources/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Resource>, Error<types::WpError>> {
            let Self { client, server_id, id, body } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "body was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/resources/{}", client.baseurl, crate
                ::transport::PathSegment(& server_id), crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_update_resource",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_list_prompts`]

[`Client::getmcp_list_prompts`]: super::Client::getmcp_list_prompts*/
    #[derive(Debug, Clone)]
    pub struct GetmcpListPrompts<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        page: Result<Option<::std::num::NonZeroU64>, String>,
        per_page: Result<Option<::std::num::NonZeroU64>, String>,
    }
    impl<'a> GetmcpListPrompts<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                page: Ok(None),
                per_page: Ok(None),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page failed"
                        .to_string()
                });
            self
        }
        pub fn per_page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.per_page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for per_page failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/prompts`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<crate::getmcp::Prompt>>,
            Error<types::WpError>,
        > {
            let Self { client, server_id, page, per_page } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let page = page
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "page was not initialized",
                ))?;
            let per_page = per_page
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "per_page was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/prompts", client.baseurl, crate
                ::transport::PathSegment(& server_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("page", &page))
                .query(&progenitor_client::QueryParam::new("per_page", &per_page))
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_list_prompts",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_create_prompt`]

[`Client::getmcp_create_prompt`]: super::Client::getmcp_create_prompt*/
    #[derive(Debug, Clone)]
    pub struct GetmcpCreatePrompt<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        body: Result<crate::getmcp::PromptBody, String>,
    }
    impl<'a> GetmcpCreatePrompt<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                body: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::PromptBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: PromptBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/wp-json/getmcp/v1/servers/{server_id}/prompts`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Prompt>, Error<types::WpError>> {
            let Self { client, server_id, body } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let body = body
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "body was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/prompts", client.baseurl, crate
                ::transport::PathSegment(& server_id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_create_prompt",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                201u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_get_prompt`]

[`Client::getmcp_get_prompt`]: super::Client::getmcp_get_prompt*/
    #[derive(Debug, Clone)]
    pub struct GetmcpGetPrompt<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        id: Result<types::GetmcpPromptId, String>,
    }
    impl<'a> GetmcpGetPrompt<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                id: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::GetmcpPromptId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| "conversion to `GetmcpPromptId` for id failed".to_string());
            self
        }
        ///Sends a `GET` request to `/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Prompt>, Error<types::WpError>> {
            let Self { client, server_id, id } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/prompts/{}", client.baseurl, crate
                ::transport::PathSegment(& server_id), crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_get_prompt",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_delete_prompt`]

[`Client::getmcp_delete_prompt`]: super::Client::getmcp_delete_prompt*/
    #[derive(Debug, Clone)]
    pub struct GetmcpDeletePrompt<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        id: Result<types::GetmcpPromptId, String>,
    }
    impl<'a> GetmcpDeletePrompt<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                id: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::GetmcpPromptId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| "conversion to `GetmcpPromptId` for id failed".to_string());
            self
        }
        ///Sends a `DELETE` request to `/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<types::WpError>> {
            let Self { client, server_id, id } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/prompts/{}", client.baseurl, crate
                ::transport::PathSegment(& server_id), crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_delete_prompt",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(crate::transport::empty(response)),
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::getmcp_update_prompt`]

[`Client::getmcp_update_prompt`]: super::Client::getmcp_update_prompt*/
    #[derive(Debug, Clone)]
    pub struct GetmcpUpdatePrompt<'a> {
        client: &'a super::Client,
        server_id: Result<crate::getmcp::ServerRef, String>,
        id: Result<types::GetmcpPromptId, String>,
        body: Result<crate::getmcp::PromptBody, String>,
    }
    impl<'a> GetmcpUpdatePrompt<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                server_id: Err(String::new()),
                id: Err(String::new()),
                body: Err(String::new()),
            }
        }
        pub fn server_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::ServerRef>,
        {
            self.server_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: ServerRef` for server_id failed"
                        .to_string()
                });
            self
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::GetmcpPromptId>,
        {
            self.id = value
                .try_into()
                .map_err(|_| "conversion to `GetmcpPromptId` for id failed".to_string());
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<crate::getmcp::PromptBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `crate :: getmcp :: PromptBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `PATCH` request to `/wp-json/getmcp/v1/servers/{server_id}/prompts/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<crate::getmcp::Prompt>, Error<types::WpError>> {
            let Self { client, server_id, id, body } = self;
            let server_id = server_id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "server_id was not initialized",
                ))?;
            let id = id
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "id was not initialized",
                ))?;
            let body = body
                .map_err(|e| crate::transport::invalid_request(
                    e,
                    "body was not initialized",
                ))?;
            let url = format!(
                "{}/wp-json/getmcp/v1/servers/{}/prompts/{}", client.baseurl, crate
                ::transport::PathSegment(& server_id), crate ::transport::PathSegment(&
                id),
            );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: "getmcp_update_prompt",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => crate::transport::decode(response).await,
                400u16..=499u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                500u16..=599u16 => {
                    Err(Error::ErrorResponse(crate::transport::decode(response).await?))
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
