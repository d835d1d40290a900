/**
 * Every custom LSP request and notification of kube-storage, and the data they carry, defined
 * once and imported by the client, the server and the webviews.
 */
