// Read Alibaba Cloud Realtime Compute for Apache Flink (Ververica) deployment drafts: a data source and a read-only resource.
package ververica
