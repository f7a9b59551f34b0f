package org.modelgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ModelGov: AI/ML model governance on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ModelGovApplication {

    public static void main(String[] args) {
        SpringApplication.run(ModelGovApplication.class, args);
    }
}
