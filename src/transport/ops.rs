//! Every operation of `openapi.yaml`: its id, HTTP method and path template, generated
//! (into `src/generated/ops.rs`) from the same document as the client, so the two cannot
//! drift; `tests/codegen.rs` keeps both in step with the spec.

/// One operation as the spec declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Operation {
    /// The operationId, e.g. `getmcp_update_server`: errors and traces name it.
    pub(crate) id: &'static str,
    /// The HTTP method, upper case.
    pub(crate) method: &'static str,
    /// The path template, e.g. `/wp-json/getmcp/v1/servers/{id}`: traces show it
    /// instead of the path with the caller's ids in it.
    pub(crate) path: &'static str,
}

include!("../generated/ops.rs");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_every_operation_with_its_route() {
        assert_eq!(
            GETMCP_UPDATE_SERVER,
            Operation {
                id: "getmcp_update_server",
                method: "PATCH",
                path: "/wp-json/getmcp/v1/servers/{id}",
            }
        );
        assert_eq!(HASMCP_GET_SERVER.method, "GET");
        assert_eq!(HASMCP_UPDATE_SERVER.path, "/api/v1/servers/{id}");
        assert_eq!(GETMCP_GET_SERVER.path, "/wp-json/getmcp/v1/servers/{id}");
        for op in [
            HASMCP_GET_SERVER,
            HASMCP_UPDATE_SERVER,
            GETMCP_GET_SERVER,
            GETMCP_UPDATE_SERVER,
        ] {
            assert_eq!(by_id(op.id), Some(&op));
        }
        assert_eq!(by_id("no_such_operation"), None);
    }
}
