///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Cloudreve V2 (2.0.0-Alpha1) -> V3 upgrade toolkit. Try: jbang demo.java
//JAVA 17+
//DEPS org.jdbi:jdbi3-core:3.49.6
//DEPS com.mysql:mysql-connector-j:26.10.0
//DEPS org.xerial:sqlite-jdbc:3.54.1.0
//DEPS com.fasterxml.jackson:jackson-bom:2.21.0@pom
//DEPS com.fasterxml.jackson.dataformat:jackson-dataformat-yaml
//DEPS com.fasterxml.jackson.core:jackson-databind
//DEPS com.fasterxml.jackson.dataformat:jackson-dataformat-csv
//DEPS com.fasterxml.jackson.datatype:jackson-datatype-jsr310
//DEPS org.hashids:hashids:1.0.3
//DEPS org.apache.commons:commons-jexl3:3.7.1
//DEPS org.apache.commons:commons-text:1.15.0
//DEPS info.picocli:picocli:4.7.7
//DEPS me.tongfei:progressbar:0.10.2
//DEPS org.ini4j:ini4j:0.5.4
//DEPS org.slf4j:slf4j-simple:2.0.17
//SOURCES lib/upgrade/**.java
//SOURCES cloudreve/src/upgrade/cloudreve/*.java
//FILES mappings/=mappings/*.yaml

import upgrade.cli.UpgradeCommand;
import upgrade.cloudreve.CloudreveSite;

/**
 * The entry script: {@code jbang upgrade.java run|check|plan|verify|help}. The engine is in lib/upgrade
 * and knows nothing of Cloudreve; the Cloudreve rules are the bundled mappings/, and what they call
 * that no general function gives is the cloudreve function pack; Cloudreve's defaults and where V2
 * and V3 keep their settings are its site profile. Both are in cloudreve/src and installed here.
 */
class upgrade {
    public static void main(String... args) {
        installFunctionPacks();
        System.exit(UpgradeCommand.execute(args));
    }

    /**
     * The function pack the bundled mappings call and the Cloudreve site profile (defaults, V2's web
     * root, V3's conf.ini); every script that runs them (demo, tests, benchmarks) calls this first.
     */
    static void installFunctionPacks() {
        CloudreveSite.install();
    }
}
