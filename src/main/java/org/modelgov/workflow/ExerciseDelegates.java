package org.modelgov.workflow;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.modelgov.exercise.ExerciseService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of exercise-schedule.bpmn and exercise-fault.bpmn, each one step of {@link ExerciseService}. */
@Configuration(proxyBeanMethods = false)
class ExerciseDelegates {

    private final ExerciseService exercises;

    ExerciseDelegates(ExerciseService exercises) {
        this.exercises = exercises;
    }

    /** One exercise per due model, each in its own command and transaction; the count shows in Cockpit. */
    @Bean
    JavaDelegate startDueExercises() {
        return execution -> execution.setVariable("exercisesStarted",
                exercises.startDue(new CommandPerItem(execution.getProcessEngine())).size());
    }

    /** The business key is the exercise id; no variable can change it. */
    @Bean
    JavaDelegate startFaultExperiment() {
        return execution -> exercises.startFaultExperiment(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate checkFaultExperiment() {
        return execution -> execution.setVariable("faultEnded",
                exercises.checkFaultExperiment(execution.getProcessBusinessKey()));
    }
}
